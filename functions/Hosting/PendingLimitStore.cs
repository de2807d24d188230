using Dome.Core.Limits;

namespace Dome.Functions.Hosting;

/// <summary>
/// Stand-in until the limits module registers its SQLite store: no limits are defined, and defining one is refused
/// (so nobody believes a limit is enforced when it is not). Replaced by the real store's registration.
/// </summary>
internal sealed class PendingLimitStore : ILimitStore
{
    public Task UpsertAsync(LimitPolicy policy, CancellationToken cancellationToken) => throw Unavailable();

    public Task<LimitPolicy?> FindAsync(string tenantId, LimitScope scope, string name, CancellationToken cancellationToken) => Task.FromResult<LimitPolicy?>(null);

    public Task<IReadOnlyList<LimitPolicy>> ListAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<LimitPolicy>>([]);

    public Task<bool> DeleteAsync(string tenantId, LimitScope scope, string name, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task<long> ReserveAsync(QuotaKey key, long amount, long quota, CancellationToken cancellationToken) => throw Unavailable();

    public Task ReleaseAsync(QuotaKey key, long amount, CancellationToken cancellationToken) => throw Unavailable();

    public Task<long> UsedAsync(QuotaKey key, CancellationToken cancellationToken) => throw Unavailable();

    private static NotSupportedException Unavailable() => new("the limit store is not wired in this build");
}
