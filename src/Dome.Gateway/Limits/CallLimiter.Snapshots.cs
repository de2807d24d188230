using Dome.Core.Errors;

namespace Dome.Gateway.Limits;

/// <summary>The cache of each tenant's limits: loaded on first use, refreshed in the background when stale.</summary>
public sealed partial class CallLimiter
{
    private ValueTask<TenantLimits> GetLimitsAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (snapshots.TryGetValue(tenantId, out var snapshot))
        {
            if (time.GetElapsedTime(snapshot.LoadedAt) >= refreshInterval && snapshot.TryBeginRefresh())
            {
                _ = RefreshAsync(tenantId, snapshot);
            }

            return ValueTask.FromResult(snapshot.Limits);
        }

        return LoadFirstAsync(tenantId, cancellationToken);
    }

    private async ValueTask<TenantLimits> LoadFirstAsync(string tenantId, CancellationToken cancellationToken)
    {
        try
        {
            return await LoadAsync(tenantId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not DomeException)
        {
            logger.StoreUnavailable(tenantId, e);
            throw Unavailable();
        }
    }

    private async Task<TenantLimits> LoadAsync(string tenantId, CancellationToken cancellationToken)
    {
        var policies = await store.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var limits = policies.Count == 0 ? TenantLimits.Empty : new TenantLimits(policies);
        snapshots[tenantId] = new Snapshot(limits, time.GetTimestamp());
        return limits;
    }

    private async Task RefreshAsync(string tenantId, Snapshot stale)
    {
        try
        {
            await LoadAsync(tenantId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            stale.EndRefresh();
            logger.RefreshFailed(tenantId, e);
        }
    }

    private sealed class Snapshot(TenantLimits limits, long loadedAt)
    {
        private int refreshing;

        public TenantLimits Limits => limits;

        public long LoadedAt => loadedAt;

        public bool TryBeginRefresh() => Interlocked.Exchange(ref refreshing, 1) == 0;

        public void EndRefresh() => Volatile.Write(ref refreshing, 0);
    }
}
