namespace Dome.Core.Identity;

/// <summary>
/// A trusted OIDC issuer of one tenant: ID tokens it signs (checked against its JWKS, fetched from
/// <see cref="JwksUri"/> or given inline as <see cref="Jwks"/>) for <see cref="Audience"/> prove the end user for act-as.
/// </summary>
public sealed record IdentityProvider
{
    /// <summary>The claim read for the customer when a provider names none.</summary>
    public const string DefaultCustomerClaim = "customer";

    public required string TenantId { get; init; }

    public required string Name { get; init; }

    /// <summary>The exact <c>iss</c> its ID tokens carry.</summary>
    public required string Issuer { get; init; }

    /// <summary>Where its signing keys are published; null when they were given inline.</summary>
    public required Uri? JwksUri { get; init; }

    /// <summary>Its signing keys as a JWKS document; null when they are fetched from <see cref="JwksUri"/>.</summary>
    public required string? Jwks { get; init; }

    /// <summary>The <c>aud</c> its ID tokens must carry (the client id Dome's users sign in to).</summary>
    public required string Audience { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The ID-token claim naming the customer the user belongs to (rate limits and quotas per customer, and
    /// <c>context.user.customer</c> in policy); null means <see cref="DefaultCustomerClaim"/>.
    /// </summary>
    public string? CustomerClaim { get; init; }
}
