using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dome.Core.Catalog;
using Dome.Core.Secrets;

namespace Dome.Gateway.Credentials;

/// <summary>
/// OAuth 2.0 client credentials (RFC 6749 §4.4) for upstreams: the secret is <c>client_id:client_secret</c>, sent
/// with HTTP Basic to the connection's token URL. Tokens are cached until shortly before they expire, keyed by a
/// hash of the secret so a changed secret fetches anew.
/// </summary>
public sealed class ClientCredentialsTokens(IHttpClientFactory httpClients, TimeProvider time)
{
    public const string HttpClientName = "dome-upstream-token";

    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, Cached> cache = new(StringComparer.Ordinal);

    public async ValueTask<string> GetAsync(Connection connection, SecretValue secret, CancellationToken cancellationToken)
    {
        var tokenUrl = connection.Auth.TokenUrl ?? throw new CredentialUnavailableException($"connection `{connection.Name}` has no token URL");
        var key = CacheKey(connection, secret);
        var now = time.GetUtcNow();
        if (cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.Token;
        }

        var value = secret.Reveal();
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new CredentialUnavailableException($"secret `{connection.Auth.SecretName}` of connection `{connection.Name}` must be `client_id:client_secret`");
        }

        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (connection.Auth.Scope is { Length: > 0 } scope)
        {
            form["scope"] = scope;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) };
        var basic = Uri.EscapeDataString(value[..colon]) + ":" + Uri.EscapeDataString(value[(colon + 1)..]);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new CredentialUnavailableException($"the token endpoint of connection `{connection.Name}` answered {(int)response.StatusCode}");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("access_token", out var token) || token.ValueKind != JsonValueKind.String || token.GetString() is not { Length: > 0 } accessToken)
            {
                throw new CredentialUnavailableException($"the token endpoint of connection `{connection.Name}` answered without an access_token");
            }

            var lifetime = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(5);
            cache[key] = new Cached(accessToken, now + lifetime - Margin);
            return accessToken;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new CredentialUnavailableException($"the token endpoint of connection `{connection.Name}` could not be reached", e);
        }
    }

    private static string CacheKey(Connection connection, SecretValue secret)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Reveal())));
        return string.Join('\n', connection.TenantId, connection.Name, connection.Auth.TokenUrl?.AbsoluteUri, connection.Auth.Scope, hash);
    }

    private sealed record Cached(string Token, DateTimeOffset Until);
}
