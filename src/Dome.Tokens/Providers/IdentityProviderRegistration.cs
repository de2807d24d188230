namespace Dome.Tokens.Providers;

/// <summary>What an admin sends to trust an identity provider: exactly one of <see cref="JwksUri"/> and <see cref="Jwks"/>.</summary>
public sealed record IdentityProviderRegistration
{
    public required string? Name { get; init; }

    public required string? Issuer { get; init; }

    public required string? JwksUri { get; init; }

    /// <summary>The provider's JWKS document itself (for example read from <c>--jwks-file</c>).</summary>
    public required string? Jwks { get; init; }

    public required string? Audience { get; init; }
}
