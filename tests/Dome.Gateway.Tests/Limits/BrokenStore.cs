using Dome.Core.Limits;

namespace Dome.Gateway.Tests.Limits;

/// <summary>
/// A store whose database is down. A mock, because the failure a real SQLite file gives on demand (a deleted or
/// locked file) is not deterministic across platforms; it throws what the adapter would let through.
/// </summary>
internal sealed class BrokenStore(ILimitStore? policies = null) : ILimitStore
{
    public Task UpsertAsync(LimitPolicy policy, CancellationToken cancellationToken) => throw Down();

    public Task<LimitPolicy?> FindAsync(string tenantId, LimitScope scope, string name, CancellationToken cancellationToken) => throw Down();

    public Task<IReadOnlyList<LimitPolicy>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        policies?.ListAsync(tenantId, cancellationToken) ?? throw Down();

    public Task<bool> DeleteAsync(string tenantId, LimitScope scope, string name, CancellationToken cancellationToken) => throw Down();

    public Task<long> ReserveAsync(QuotaKey key, long amount, long quota, CancellationToken cancellationToken) => throw Down();

    public Task ReleaseAsync(QuotaKey key, long amount, CancellationToken cancellationToken) => throw Down();

    public Task<long> UsedAsync(QuotaKey key, CancellationToken cancellationToken) => throw Down();

    private static InvalidOperationException Down() => new("database is down");
}
