using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dome.Tokens.Keys;

/// <summary>
/// Dome's signing keys in memory: the current key signs, retired keys stay published until every token they
/// signed has expired. Loaded from the store on first use (creating the first key when there is none); a
/// rotation writes the store first and then swaps the in-memory snapshot atomically.
/// </summary>
public sealed class SigningKeyRing(ISigningKeyStore store, TimeProvider time, IOptions<TokenOptions> options, ILogger<SigningKeyRing> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile IReadOnlyList<SigningKey>? keys;

    /// <summary>The key that signs new tokens.</summary>
    public async ValueTask<SigningKey> CurrentAsync(CancellationToken cancellationToken = default) =>
        (await KeysAsync(cancellationToken).ConfigureAwait(false))[^1];

    /// <summary>The keys a verifier may need now: the current one and the retired ones still published, newest first.</summary>
    public async ValueTask<IReadOnlyList<SigningKey>> PublishedAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return (await KeysAsync(cancellationToken).ConfigureAwait(false)).Where(k => k.IsPublishedAt(now)).Reverse().ToArray();
    }

    /// <summary>
    /// Adds a new current key and retires the old one, which stays published for the longest token lifetime
    /// plus clock skew; keys whose publication ended are dropped.
    /// </summary>
    public async Task<SigningKey> RotateAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = keys ?? await LoadOrCreateAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var until = now + TokenOptions.MaxLifetime + options.Value.ClockSkew;
            var next = SigningKey.Create(now);
            IReadOnlyList<SigningKey> rotated =
            [
                .. current.Where(k => k.IsPublishedAt(now)).Select(k => k.RetiredAt is null ? k with { RetiredAt = now, PublishedUntil = until } : k),
                next,
            ];
            await store.SaveAsync(rotated, cancellationToken).ConfigureAwait(false);
            keys = rotated;
            TokensLog.Rotated(logger, next.Kid, current[^1].Kid, until);
            return next;
        }
        finally
        {
            gate.Release();
        }
    }

    private async ValueTask<IReadOnlyList<SigningKey>> KeysAsync(CancellationToken cancellationToken)
    {
        if (keys is { } loaded)
        {
            return loaded;
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return keys ??= await LoadOrCreateAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyList<SigningKey>> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (stored.Count > 0 && stored[^1].RetiredAt is null)
        {
            return stored;
        }

        IReadOnlyList<SigningKey> created = [.. stored, SigningKey.Create(time.GetUtcNow())];
        await store.SaveAsync(created, cancellationToken).ConfigureAwait(false);
        return created;
    }
}
