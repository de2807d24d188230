namespace Dome.Tokens.Validation;

/// <summary>An end user proven by an ID token from one of the tenant's trusted identity providers.</summary>
public sealed record VerifiedUser
{
    /// <summary>The identity provider's issuer URL.</summary>
    public required string Issuer { get; init; }

    /// <summary>The user's <c>sub</c> at that issuer.</summary>
    public required string Subject { get; init; }

    /// <summary>The name the tenant gave the identity provider.</summary>
    public required string IdentityProvider { get; init; }

    public required string? Email { get; init; }

    public required string? Name { get; init; }

    /// <summary>The customer the user belongs to, from the identity provider's customer claim; null when the ID token had none.</summary>
    public string? Customer { get; init; }

    /// <summary>The user qualified by issuer, as Dome's tokens carry it in <c>sub</c>: <c>&lt;issuer&gt;#&lt;sub&gt;</c>.</summary>
    public string QualifiedSubject => Issuer + "#" + Subject;
}
