using System.Text.Json;

namespace Dome.Functions.Contracts;

/// <summary>The body of <c>POST /v1/admin/identity-providers</c>; <c>jwks</c> is the key set as a JSON object.</summary>
internal sealed record IdentityProviderRequest
{
    public string? Name { get; init; }

    public string? Issuer { get; init; }

    public string? JwksUri { get; init; }

    public JsonElement? Jwks { get; init; }

    public string? Audience { get; init; }

    public string? CustomerClaim { get; init; }
}
