using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Dome.Tokens.Providers;

/// <summary>
/// Identity providers' published key sets, fetched over HTTP and reused for <see cref="TokenOptions.JwksCacheTtl"/>.
/// A token naming a key the cached set lacks triggers one refetch (at most every 10 s per URL), so a provider's
/// key rotation is picked up without waiting for the TTL.
/// </summary>
public sealed class JwksCache(IHttpClientFactory clients, TimeProvider time, IOptions<TokenOptions> options)
{
    public const string HttpClientName = "dome-jwks";
    private const int MaxBytes = 256 * 1024;
    private static readonly TimeSpan RefetchFloor = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Uri, Entry> entries = new();

    /// <summary>The key set at <paramref name="uri"/>; refetched when stale or when it lacks <paramref name="kid"/>. Null when it cannot be fetched.</summary>
    public async Task<JsonWebKeySet?> GetAsync(Uri uri, string? kid, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (entries.TryGetValue(uri, out var cached))
        {
            var fresh = now - cached.FetchedAt < options.Value.JwksCacheTtl;
            var hasKid = kid is null || cached.Set.Keys.Any(k => k.Kid == kid);
            if (fresh && (hasKid || now - cached.FetchedAt < RefetchFloor))
            {
                return cached.Set;
            }
        }

        var set = await FetchAsync(uri, cancellationToken).ConfigureAwait(false);
        if (set is null)
        {
            return cached?.Set;
        }

        entries[uri] = new Entry(set, now);
        return set;
    }

    private async Task<JsonWebKeySet?> FetchAsync(Uri uri, CancellationToken cancellationToken)
    {
        var http = clients.CreateClient(HttpClientName);
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxBytes)
            {
                return null;
            }

            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return text.Length > MaxBytes ? null : new JsonWebKeySet(text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ArgumentException)
        {
            return null;
        }
    }

    private sealed record Entry(JsonWebKeySet Set, DateTimeOffset FetchedAt);
}
