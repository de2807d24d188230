using Dome.Core.Identity;

namespace Dome.Functions.Contracts;

internal sealed record IdentityProviderView
{
    public required string Name { get; init; }

    public required string Issuer { get; init; }

    /// <summary>Where the keys are fetched from, or null when they were given inline.</summary>
    public required string? JwksUri { get; init; }

    public required bool InlineJwks { get; init; }

    public required string Audience { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The ID-token claim naming the user's customer.</summary>
    public required string CustomerClaim { get; init; }

    public static IdentityProviderView Of(IdentityProvider provider) => new()
    {
        Name = provider.Name,
        Issuer = provider.Issuer,
        JwksUri = provider.JwksUri?.AbsoluteUri,
        InlineJwks = provider.Jwks is not null,
        Audience = provider.Audience,
        CreatedAt = provider.CreatedAt,
        CustomerClaim = provider.CustomerClaim ?? IdentityProvider.DefaultCustomerClaim,
    };
}
