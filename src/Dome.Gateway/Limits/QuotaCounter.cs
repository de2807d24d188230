using Dome.Core.Limits;

namespace Dome.Gateway.Limits;

/// <summary>
/// The daily quota of one counter key. Calls are reserved from the store in blocks (about 1% of the quota, at most
/// 1,000), atomically, before they are used: the stored count is never below the calls admitted, so a crash loses at
/// most one block of unused quota (it denies a little early, never admits too much), and instances sharing a store
/// never admit more than the quota together. Most calls take from the local block without touching the store.
/// An idle counter is retired by the sweep (<see cref="TryRetireAsync"/>): its unused block goes back to the store,
/// which holds the day's count, and the caller of a retired counter fetches the current one.
/// </summary>
internal sealed class QuotaCounter(string tenantId, LimitScope scope, string name, long createdAt)
{
    private readonly Lock fast = new();
    private readonly SemaphoreSlim refill = new(1, 1);
    private long lastUsed = createdAt;
    private bool retired;
    private DateOnly day;
    private long available;
    private long reservedUnder = -1;
    private long exhaustedUnder = -1;

    public static long BlockSize(long quota) => Math.Clamp(quota / 100, 1, 1000);

    public bool IsRetired
    {
        get
        {
            lock (fast)
            {
                return retired;
            }
        }
    }

    public bool TryTakeLocal(DateOnly today, long quota, long now, out bool exhausted)
    {
        lock (fast)
        {
            lastUsed = Math.Max(lastUsed, now);
            exhausted = !retired && day == today && exhaustedUnder == quota;
            if (retired)
            {
                return false;
            }

            if (day == today && reservedUnder == quota && available > 0)
            {
                available--;
                return true;
            }

            return false;
        }
    }

    /// <summary>Takes one call, reserving a new block from the store when the local one is used up; false when the quota is exhausted or the counter was retired (<see cref="IsRetired"/>).</summary>
    public async ValueTask<bool> TryTakeAsync(ILimitStore store, DateOnly today, long quota, long now, CancellationToken cancellationToken)
    {
        await refill.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryTakeLocal(today, quota, now, out var exhausted))
            {
                return true;
            }

            if (exhausted || IsRetired)
            {
                return false;
            }

            long leftover;
            DateOnly leftoverDay;
            lock (fast)
            {
                (leftover, leftoverDay) = (day == today ? available : 0, day);
                available = 0;
            }

            if (leftover > 0)
            {
                // The quota changed since the block was reserved: give the rest back and reserve under the new quota.
                await store.ReleaseAsync(new QuotaKey(tenantId, scope, name, leftoverDay), leftover, cancellationToken).ConfigureAwait(false);
            }

            var granted = await store.ReserveAsync(new QuotaKey(tenantId, scope, name, today), BlockSize(quota), quota, cancellationToken).ConfigureAwait(false);
            lock (fast)
            {
                day = today;
                reservedUnder = quota;
                exhaustedUnder = granted == 0 ? quota : -1;
                available = Math.Max(0, granted - 1);
            }

            return granted > 0;
        }
        finally
        {
            refill.Release();
        }
    }

    /// <summary>Returns one call taken for a call that another limit then turned away.</summary>
    public void Refund(DateOnly today)
    {
        lock (fast)
        {
            if (day == today)
            {
                available++;
            }
        }
    }

    /// <summary>
    /// Retires the counter when no call used it for <paramref name="idleFor"/>, giving its unused block back to the
    /// store. If the store refuses the give-back the counter is retired all the same: the block is lost, so the quota
    /// denies up to one block early that day, never admits too much.
    /// </summary>
    public async Task<bool> TryRetireAsync(ILimitStore store, long now, TimeSpan idleFor, TimeProvider time, CancellationToken cancellationToken)
    {
        await refill.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long unused;
            DateOnly unusedDay;
            lock (fast)
            {
                if (retired || (now > lastUsed ? time.GetElapsedTime(lastUsed, now) : TimeSpan.Zero) < idleFor)
                {
                    return false;
                }

                (unused, unusedDay) = (available, day);
                available = 0;
                retired = true;
            }

            if (unused > 0)
            {
                await store.ReleaseAsync(new QuotaKey(tenantId, scope, name, unusedDay), unused, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        finally
        {
            refill.Release();
        }
    }

    /// <summary>Gives the unused part of the local block back to the store (on shutdown).</summary>
    public async Task ReleaseUnusedAsync(ILimitStore store, CancellationToken cancellationToken)
    {
        await refill.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long unused;
            DateOnly unusedDay;
            lock (fast)
            {
                (unused, unusedDay) = (available, day);
                available = 0;
                reservedUnder = -1;
            }

            if (unused > 0)
            {
                await store.ReleaseAsync(new QuotaKey(tenantId, scope, name, unusedDay), unused, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            refill.Release();
        }
    }
}
