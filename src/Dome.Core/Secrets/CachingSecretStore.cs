using System.Collections.Concurrent;

namespace Dome.Core.Secrets;

/// <summary>
/// Keeps decrypted secrets in memory for a short while, so a governed call does not read and decrypt its
/// connection's secret on every call. Setting or deleting a secret through this store forgets it at once (that is
/// the path <c>dome secrets set</c> takes, through the admin API); the time-to-live bounds how long another
/// instance's change, or an outage of the inner store, can go unseen. Errors of the inner store are not cached:
/// a read that fails still fails closed. Missing secrets are not cached either, so setting one takes effect at once.
/// </summary>
public sealed class CachingSecretStore(ISecretStore inner, TimeProvider time, TimeSpan timeToLive) : ISecretStore
{
    /// <summary>The default time-to-live of a cached value.</summary>
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string TenantId, string Name), Entry> entries = new();

    /// <summary>The store whose values this one keeps (where the secrets really live).</summary>
    public ISecretStore Inner => inner;
    private long generation;

    public async ValueTask<SecretValue?> GetAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        var key = (tenantId, name);
        var now = time.GetUtcNow();
        if (entries.TryGetValue(key, out var cached) && now - cached.At < timeToLive && now >= cached.At)
        {
            return cached.Value;
        }

        // A set or delete that lands while the inner store is read must win over what the read returns.
        var seen = Interlocked.Read(ref generation);
        var value = await inner.GetAsync(tenantId, name, cancellationToken).ConfigureAwait(false);
        if (value is not null && Interlocked.Read(ref generation) == seen)
        {
            entries[key] = new Entry(value, now);
        }

        return value;
    }

    public async Task<bool> SetAsync(string tenantId, string name, SecretValue value, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Forget(tenantId, name);
        try
        {
            return await inner.SetAsync(tenantId, name, value, at, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Forget(tenantId, name);
        }
    }

    public async Task<bool> DeleteAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        Forget(tenantId, name);
        try
        {
            return await inner.DeleteAsync(tenantId, name, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Forget(tenantId, name);
        }
    }

    public Task<IReadOnlyList<SecretInfo>> ListAsync(string tenantId, CancellationToken cancellationToken) => inner.ListAsync(tenantId, cancellationToken);

    private void Forget(string tenantId, string name)
    {
        Interlocked.Increment(ref generation);
        entries.TryRemove((tenantId, name), out _);
    }

    private sealed record Entry(SecretValue Value, DateTimeOffset At);
}
