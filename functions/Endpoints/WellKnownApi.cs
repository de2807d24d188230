using Dome.Tokens;
using Dome.Tokens.Keys;

namespace Dome.Functions.Endpoints;

/// <summary>
/// <c>/.well-known/jwks.json</c> (Dome's published signing keys, current and retired-but-unexpired) and
/// <c>/.well-known/oauth-authorization-server</c> (RFC 8414 metadata).
/// </summary>
internal static class WellKnownApi
{
    public static WebApplication MapWellKnown(this WebApplication app)
    {
        app.MapGet("/.well-known/jwks.json", async (HttpContext http, SigningKeyRing keys, CancellationToken cancellationToken) =>
            {
                // Short: a rotated-in key signs at once, so verifiers must see it soon (and should refetch on an unknown kid).
                http.Response.Headers.CacheControl = "public, max-age=60";
                return TypedResults.Json(Jwks.Document(await keys.PublishedAsync(cancellationToken).ConfigureAwait(false)), contentType: "application/jwk-set+json");
            })
            .WithTags("OAuth").WithName("Jwks").WithSummary("Dome's public signing keys (JWK Set).");
        app.MapGet("/.well-known/oauth-authorization-server", (DomeIssuer issuer) => TypedResults.Json(new Dictionary<string, object>
            {
                ["issuer"] = issuer.Value,
                ["token_endpoint"] = issuer.TokenEndpoint,
                ["jwks_uri"] = issuer.JwksUri,
                ["grant_types_supported"] = new[] { TokenTypes.TokenExchangeGrant },
                ["token_endpoint_auth_methods_supported"] = new[] { "none" },
                ["response_types_supported"] = Array.Empty<string>(),
                ["token_endpoint_auth_signing_alg_values_supported"] = new[] { Dome.Tokens.Keys.SigningKey.Algorithm },
            }))
            .WithTags("OAuth").WithName("AuthorizationServerMetadata").WithSummary("RFC 8414 authorization server metadata.");
        return app;
    }
}
