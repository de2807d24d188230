using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Dome.Tokens.Keys;

namespace Dome.Tokens.Validation;

/// <summary>
/// Remembers what a token's signature and claims checks concluded (steps 1–3 of <see cref="DomeTokenValidator"/>), by
/// a SHA-256 hash of the token (the token itself is not kept) and the audience asked for, so the ES256 verification
/// runs once per token rather than once per call. A remembered token is used only while its lifetime holds (the
/// same bounds and skew as a full check) and while the key that signed it is still published: a key dropped from
/// the ring ends its tokens here too. The registry check (step 4: every agent of the chain active) is never cached
/// here; it runs on every call against <see cref="AgentStatusCache"/>.
/// </summary>
internal sealed class ValidatedTokenCache
{
    /// <summary>Past this many tokens, expired entries are dropped, and if none were, all of them.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, ValidatedClaims> entries = new(StringComparer.Ordinal);

    public static string KeyOf(string token, string audience)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var bytes = Encoding.UTF8.GetBytes(token);
        SHA256.HashData(bytes, hash);
        return string.Concat(Convert.ToBase64String(hash), " ", audience);
    }

    public bool TryGet(string key, IReadOnlyList<SigningKey> published, DateTime now, TimeSpan skew, out ValidatedClaims claims)
    {
        if (!entries.TryGetValue(key, out claims!))
        {
            return false;
        }

        var keyId = claims.KeyId;
        if (claims.ExpiresAt < now - skew || claims.NotBefore > now + skew || !published.Any(k => k.Kid == keyId))
        {
            entries.TryRemove(key, out _);
            return false;
        }

        return true;
    }

    public void Add(string key, ValidatedClaims claims, DateTime now)
    {
        if (entries.Count >= Capacity)
        {
            foreach (var (stale, entry) in entries)
            {
                if (entry.ExpiresAt < now)
                {
                    entries.TryRemove(stale, out _);
                }
            }

            if (entries.Count >= Capacity)
            {
                entries.Clear();
            }
        }

        entries[key] = claims;
    }
}
