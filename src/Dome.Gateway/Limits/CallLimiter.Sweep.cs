namespace Dome.Gateway.Limits;

/// <summary>
/// The sweep of idle counters: without it every agent, customer and tool ever counted (under a <c>*</c> limit, say)
/// would keep its counters in memory for the life of the process.
/// </summary>
public sealed partial class CallLimiter
{
    /// <summary>How many counters are held in memory (rate buckets, concurrency gates, quota counters).</summary>
    public int CounterCount => buckets.Count + gates.Count + quotas.Count;

    /// <summary>
    /// Drops the counters unused for <see cref="LimitsOptions.IdleAfter"/>: a rate bucket once it has refilled (a new
    /// one starts full), a concurrency gate with no call in flight, a quota counter after its unused block is given back
    /// to the store (which keeps the day's count, so the quota goes on counting where it was). A counter in use by a
    /// call at that moment is never lost: the call notices it was retired and uses a fresh one.
    /// </summary>
    /// <returns>How many counters were dropped.</returns>
    public async Task<int> SweepIdleAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetTimestamp();
        var dropped = 0;
        foreach (var (key, bucket) in buckets)
        {
            if (bucket.TryRetire(now, idleAfter, time) && buckets.TryRemove(new(key, bucket)))
            {
                dropped++;
            }
        }

        foreach (var (key, gate) in gates)
        {
            if (gate.TryRetire() && gates.TryRemove(new(key, gate)))
            {
                dropped++;
            }
        }

        var failed = 0;
        Exception? last = null;
        foreach (var (key, counter) in quotas)
        {
            bool retired;
            try
            {
                retired = await counter.TryRetireAsync(store, now, idleAfter, time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Retired all the same (its block is lost: the quota denies a little early that day, never too late).
                retired = counter.IsRetired;
                failed++;
                last = e;
            }

            if (retired && quotas.TryRemove(new(key, counter)))
            {
                dropped++;
            }
        }

        if (last is not null)
        {
            logger.ReleaseFailed(failed, last);
        }

        return dropped;
    }
}
