namespace Dome.Tokens.Providers;

/// <summary>What an admin sends to trust an identity provider (unvalidated): exactly one of <see cref="JwksUri"/> and <see cref="Jwks"/>.</summary>
public sealed record IdentityProviderRegistration
{
    public string? Name { get; init; }

    public string? Issuer { get; init; }

    public string? JwksUri { get; init; }

    /// <summary>The provider's JWKS document itself (for example read from <c>--jwks-file</c>).</summary>
    public string? Jwks { get; init; }

    public string? Audience { get; init; }

    /// <summary>The ID-token claim naming the user's customer; null for <c>customer</c>.</summary>
    public string? CustomerClaim { get; init; }
}
