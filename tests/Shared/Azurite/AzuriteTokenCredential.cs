using System.Text;
using System.Text.Json;
using Azure.Core;

namespace Dome.Testing.Azurite;

/// <summary>
/// A <see cref="TokenCredential"/> for Azurite's <c>--oauth basic</c> mode. Azurite checks a bearer token's
/// audience, issuer prefix and lifetime but not its signature, and no identity provider is reachable here, so this
/// credential mints an unsigned JWT with the storage audience: a stand-in for managed identity in tests only.
/// It records the scopes it was asked for, so tests can assert the client asked for the storage scope.
/// </summary>
public sealed class AzuriteTokenCredential : TokenCredential
{
    private readonly List<string> _scopes = [];

    /// <summary>The audience minted into tokens; Azurite accepts <c>https://storage.azure.com</c>.</summary>
    public string Audience { get; init; } = "https://storage.azure.com";

    /// <summary>The token lifetime; negative mints an expired token (to test refusal).</summary>
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    public IReadOnlyList<string> RequestedScopes
    {
        get
        {
            lock (_scopes)
            {
                return [.. _scopes];
            }
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_scopes)
        {
            _scopes.AddRange(requestContext.Scopes);
        }

        var now = DateTimeOffset.UtcNow;
        var expires = now + Lifetime;
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64Url(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["aud"] = Audience,
            ["iss"] = "https://sts.windows.net/00000000-0000-0000-0000-00000000d0e0/",
            ["iat"] = (Lifetime < TimeSpan.Zero ? expires.AddMinutes(-5) : now.AddMinutes(-1)).ToUnixTimeSeconds(),
            ["nbf"] = (Lifetime < TimeSpan.Zero ? expires.AddMinutes(-5) : now.AddMinutes(-1)).ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["oid"] = "00000000-0000-0000-0000-0000000000d1",
            ["tid"] = "00000000-0000-0000-0000-00000000d0e0",
        }));
        return new AccessToken(header + "." + payload + ".", Lifetime < TimeSpan.Zero ? now.AddHours(1) : expires);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
