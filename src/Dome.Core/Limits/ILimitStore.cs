namespace Dome.Core.Limits;

/// <summary>Limits per tenant and the daily quota counters, which must survive a restart.</summary>
public interface ILimitStore
{
    /// <summary>Creates or replaces the limits of one scope and name.</summary>
    Task UpsertAsync(LimitPolicy policy, CancellationToken cancellationToken);

    Task<LimitPolicy?> FindAsync(string tenantId, LimitScope scope, string name, CancellationToken cancellationToken);

    /// <summary>Every limit of a tenant, ordered by scope then name.</summary>
    Task<IReadOnlyList<LimitPolicy>> ListAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Removes the limits of one scope and name; false if there were none.</summary>
    Task<bool> DeleteAsync(string tenantId, LimitScope scope, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically takes up to <paramref name="amount"/> calls from the counter without passing <paramref name="quota"/>,
    /// and returns how many were taken (0 when the quota is used up).
    /// </summary>
    Task<long> ReserveAsync(QuotaKey key, long amount, long quota, CancellationToken cancellationToken);

    /// <summary>Gives back calls reserved but not used (never below zero).</summary>
    Task ReleaseAsync(QuotaKey key, long amount, CancellationToken cancellationToken);

    /// <summary>Calls counted (reserved) on the counter so far; 0 if it does not exist.</summary>
    Task<long> UsedAsync(QuotaKey key, CancellationToken cancellationToken);
}
