using System.Collections.Concurrent;
using Dome.Core.Errors;
using Dome.Core.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Limits;

/// <summary>
/// Step 5 of the pipeline: rate limits (token bucket), concurrent calls and daily quotas per tenant, agent, customer
/// and tool. Each tenant's limits are cached as an immutable snapshot; counters live in memory (rates and concurrency
/// per instance) and in the store (daily quotas, reserved in blocks). A call is counted only when every limit admits
/// it: a rejection gives back what the other limits had taken. If the limits cannot be read the call is denied.
/// </summary>
public sealed partial class CallLimiter
{
    private readonly ILimitStore store;
    private readonly TimeProvider time;
    private readonly ILogger<CallLimiter> logger;
    private readonly TimeSpan refreshInterval;
    private readonly TimeSpan idleAfter;
    private readonly ConcurrentDictionary<string, Snapshot> snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<CounterKey, TokenBucket> buckets = new();
    private readonly ConcurrentDictionary<CounterKey, ConcurrencyGate> gates = new();
    private readonly ConcurrentDictionary<CounterKey, QuotaCounter> quotas = new();

    public CallLimiter(ILimitStore store, TimeProvider time, IOptions<LimitsOptions> options, ILogger<CallLimiter> logger)
    {
        this.store = store;
        this.time = time;
        this.logger = logger;
        refreshInterval = options.Value.RefreshInterval;
        idleAfter = options.Value.IdleAfter;
    }

    /// <summary>
    /// Counts one call against every limit that applies to it. Completes synchronously unless the tenant's limits are
    /// not cached yet or a daily quota needs a new block from the store.
    /// </summary>
    /// <exception cref="DomeException">With <see cref="DomeErrorCode.Unavailable"/> when the limits or quota counters cannot be read (fail closed).</exception>
    public async ValueTask<LimitDecision> AcquireAsync(LimitKeys keys, CancellationToken cancellationToken = default)
    {
        var limits = await GetLimitsAsync(keys.TenantId, cancellationToken).ConfigureAwait(false);
        if (limits.IsEmpty)
        {
            return LimitDecision.Allow(null);
        }

        var applied = default(AppliedLimits);
        applied.Add(limits.Tenant, LimitScope.Tenant, LimitScopes.Any);
        applied.Add(limits.Find(LimitScope.Agent, keys.Agent), LimitScope.Agent, keys.Agent);
        if (keys.Customer is not null)
        {
            applied.Add(limits.Find(LimitScope.Customer, keys.Customer), LimitScope.Customer, keys.Customer);
        }

        applied.Add(limits.Find(LimitScope.Tool, keys.Tool), LimitScope.Tool, keys.Tool);
        var connection = limits.FindConnection(keys.Tool);
        applied.Add(connection, LimitScope.Tool, connection?.Name);
        if (applied.Count == 0)
        {
            return LimitDecision.Allow(null);
        }

        var entered = default(Gates);
        if (!TryEnterGates(in applied, ref entered, out var busy))
        {
            return LimitDecision.Reject(LimitKind.Concurrency, busy.Key.Scope, busy.Key.Name, TimeSpan.FromSeconds(1));
        }

        var now = time.GetTimestamp();
        var tokens = 0;
        for (; tokens < applied.Count; tokens++)
        {
            var limit = applied[tokens];
            if (limit.Policy.RequestsPerSecond is { } rate
                && !TryTakeToken(limit.Key, rate, BurstOf(limit.Policy), now, out var wait))
            {
                RefundTokens(in applied, tokens);
                entered.Release();
                return LimitDecision.Reject(LimitKind.RequestRate, limit.Key.Scope, limit.Key.Name, wait);
            }
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var counted = 0;
        try
        {
            for (; counted < applied.Count; counted++)
            {
                var limit = applied[counted];
                if (limit.Policy.DailyQuota is not { } quota)
                {
                    continue;
                }

                if (!await TryTakeQuotaAsync(limit.Key, today, quota, now, cancellationToken).ConfigureAwait(false))
                {
                    RefundQuotas(in applied, counted, today);
                    RefundTokens(in applied, applied.Count);
                    entered.Release();
                    return LimitDecision.Reject(LimitKind.DailyQuota, limit.Key.Scope, limit.Key.Name, UntilTomorrow(today));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RefundQuotas(in applied, counted, today);
            RefundTokens(in applied, applied.Count);
            entered.Release();
            logger.StoreUnavailable(keys.TenantId, e);
            throw Unavailable();
        }
        catch
        {
            RefundQuotas(in applied, counted, today);
            RefundTokens(in applied, applied.Count);
            entered.Release();
            throw;
        }

        return LimitDecision.Allow(entered.ToLease());
    }

    /// <summary>Reloads a tenant's limits now (after a change through the admin API).</summary>
    public async Task ReloadAsync(string tenantId, CancellationToken cancellationToken = default) =>
        await LoadAsync(tenantId, cancellationToken).ConfigureAwait(false);

    /// <summary>Gives every unused quota reservation back to the store (on shutdown); failures are logged, not thrown.</summary>
    public async Task ReleaseReservationsAsync(CancellationToken cancellationToken = default)
    {
        var failed = 0;
        Exception? last = null;
        foreach (var counter in quotas.Values)
        {
            try
            {
                await counter.ReleaseUnusedAsync(store, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                last = e;
            }
        }

        if (last is not null)
        {
            logger.ReleaseFailed(failed, last);
        }
    }

    /// <summary>Calls in flight on one counter (for tests and diagnostics).</summary>
    internal int InFlight(string tenantId, LimitScope scope, string name) =>
        gates.TryGetValue(new CounterKey(tenantId, scope, name), out var gate) ? gate.InFlight : 0;

    private static int BurstOf(LimitPolicy policy) => policy.Burst ?? (int)Math.Max(1, Math.Ceiling(policy.RequestsPerSecond ?? 1));

    private static DomeException Unavailable() =>
        new(DomeErrorCode.Unavailable, "rate limits and quotas could not be checked, so the call is denied; retry later");

    private TimeSpan UntilTomorrow(DateOnly today) =>
        new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) - time.GetUtcNow();

    private bool TryEnterGates(in AppliedLimits applied, ref Gates entered, out AppliedLimit busy)
    {
        for (var i = 0; i < applied.Count; i++)
        {
            var limit = applied[i];
            if (limit.Policy.Concurrency is not { } concurrency)
            {
                continue;
            }

            ConcurrencyGate gate;
            bool admitted, retired;
            do
            {
                gate = gates.GetOrAdd(limit.Key, static _ => new ConcurrencyGate());
                admitted = gate.TryEnter(concurrency, out retired);
            }
            while (retired);

            if (!admitted)
            {
                entered.Release();
                busy = limit;
                return false;
            }

            entered.Add(gate);
        }

        busy = default;
        return true;
    }

    private void RefundTokens(in AppliedLimits applied, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var limit = applied[i];
            if (limit.Policy.RequestsPerSecond is not null && buckets.TryGetValue(limit.Key, out var bucket))
            {
                bucket.Refund(BurstOf(limit.Policy));
            }
        }
    }

    private void RefundQuotas(in AppliedLimits applied, int count, DateOnly today)
    {
        for (var i = 0; i < count; i++)
        {
            var limit = applied[i];
            if (limit.Policy.DailyQuota is not null && quotas.TryGetValue(limit.Key, out var counter))
            {
                counter.Refund(today);
            }
        }
    }

    /// <summary>Takes a token from the key's bucket; a bucket the sweep retired meanwhile is replaced by the current one.</summary>
    private bool TryTakeToken(CounterKey key, double rate, int burst, long now, out TimeSpan wait)
    {
        while (true)
        {
            var bucket = buckets.GetOrAdd(key, static (_, created) => new TokenBucket(created), now);
            var taken = bucket.TryTake(rate, burst, now, time, out wait, out var retired);
            if (!retired)
            {
                return taken;
            }
        }
    }

    /// <summary>Takes one call of the key's daily quota (synchronously while the local block lasts); a counter the sweep retired meanwhile is replaced by the current one.</summary>
    private async ValueTask<bool> TryTakeQuotaAsync(CounterKey key, DateOnly today, long quota, long now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var counter = quotas.GetOrAdd(key, static (k, created) => new QuotaCounter(k.TenantId, k.Scope, k.Name, created), now);
            if (counter.TryTakeLocal(today, quota, now, out var exhausted))
            {
                return true;
            }

            if (!exhausted && await counter.TryTakeAsync(store, today, quota, now, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            if (!counter.IsRetired)
            {
                return false;
            }
        }
    }
}
