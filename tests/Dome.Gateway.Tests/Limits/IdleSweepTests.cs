using Dome.Core.Limits;
using Dome.Gateway.Limits;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Tests.Limits;

/// <summary>The sweep of idle counters, on a real SQLite limit store and a hand-moved clock (default idle bound 10 min).</summary>
public sealed class IdleSweepTests
{
    private static readonly TimeSpan IdleAfter = new LimitsOptions().IdleAfter;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SweepIdle_ManyCustomersUnderAStarLimit_DropsTheirCountersOnceIdle()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Customer, LimitScopes.Any, rps: 10, concurrency: 5);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(1, await fixture.AllowedOfAsync(1, LimiterFixture.Keys(customer: "cust-" + i)));
        }

        Assert.Equal(100, fixture.Limiter.CounterCount);
        Assert.Equal(50, await fixture.Limiter.SweepIdleAsync(Ct)); // the gates: nothing in flight; the buckets: not idle yet

        fixture.Clock.Advance(IdleAfter);

        Assert.Equal(50, await fixture.Limiter.SweepIdleAsync(Ct));
        Assert.Equal(0, fixture.Limiter.CounterCount);
    }

    [Fact]
    public async Task SweepIdle_DrainedBucketNotRefilled_IsKeptAndStillLimits()
    {
        var fixture = new LimiterFixture();
        // One call per hour, burst 1: after 10 minutes idle the bucket is still empty.
        await fixture.SetAsync(LimitScope.Agent, "triage", rps: 1.0 / 3600, burst: 1);
        Assert.Equal(1, await fixture.AllowedOfAsync(2, LimiterFixture.Keys()));

        fixture.Clock.Advance(IdleAfter);

        Assert.Equal(0, await fixture.Limiter.SweepIdleAsync(Ct));
        Assert.Equal(0, await fixture.AllowedOfAsync(1, LimiterFixture.Keys()));
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await fixture.Limiter.SweepIdleAsync(Ct));
        Assert.Equal(1, await fixture.AllowedOfAsync(2, LimiterFixture.Keys()));
    }

    [Fact]
    public async Task SweepIdle_CallInFlight_KeepsItsGateAndTheLimitHolds()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Agent, "triage", concurrency: 1);
        using var holding = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), Ct);
        Assert.True(holding.IsAllowed);
        fixture.Clock.Advance(IdleAfter * 2);

        Assert.Equal(0, await fixture.Limiter.SweepIdleAsync(Ct));
        using (var second = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), Ct))
        {
            Assert.Equal(LimitKind.Concurrency, second.Kind);
        }

        holding.Dispose();
        Assert.Equal(1, await fixture.Limiter.SweepIdleAsync(Ct));
        Assert.Equal(0, fixture.Limiter.InFlight(LimiterFixture.Tenant, LimitScope.Agent, "triage"));
        Assert.Equal(1, await fixture.AllowedOfAsync(1, LimiterFixture.Keys()));
    }

    [Fact]
    public async Task SweepIdle_QuotaCounter_GivesItsBlockBackAndTheDayKeepsCounting()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Customer, "cust-1", daily: 1000); // blocks of 10
        var keys = LimiterFixture.Keys(customer: "cust-1");
        var day = DateOnly.FromDateTime(fixture.Clock.Now.UtcDateTime);
        var key = new QuotaKey(LimiterFixture.Tenant, LimitScope.Customer, "cust-1", day);
        Assert.Equal(3, await fixture.AllowedOfAsync(3, keys));
        Assert.Equal(10, await fixture.Store.UsedAsync(key, Ct)); // one block reserved

        fixture.Clock.Advance(IdleAfter);

        Assert.Equal(1, await fixture.Limiter.SweepIdleAsync(Ct));
        Assert.Equal(0, fixture.Limiter.CounterCount);
        Assert.Equal(3, await fixture.Store.UsedAsync(key, Ct)); // the unused 7 went back; the 3 admitted stay counted
        Assert.Equal(997, await fixture.AllowedOfAsync(1100, keys));
    }

    [Fact]
    public async Task SweepIdle_QuotaCounterUsedRecently_IsKept()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Agent, "triage", daily: 5);
        Assert.Equal(1, await fixture.AllowedOfAsync(1, LimiterFixture.Keys()));
        fixture.Clock.Advance(IdleAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await fixture.AllowedOfAsync(1, LimiterFixture.Keys()));
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, await fixture.Limiter.SweepIdleAsync(Ct));
        Assert.Equal(3, await fixture.AllowedOfAsync(10, LimiterFixture.Keys()));
    }

    [Fact]
    public async Task IdleCounterSweep_ClockPassesTheInterval_SweepsOnItsTimer()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Customer, LimitScopes.Any, rps: 5);
        using var sweep = new IdleCounterSweep(fixture.Limiter, fixture.Clock, Options.Create(new LimitsOptions()), NullLogger<IdleCounterSweep>.Instance);
        await sweep.StartAsync(Ct);
        Assert.Equal(1, await fixture.AllowedOfAsync(1, LimiterFixture.Keys(customer: "a")));

        fixture.Clock.Advance(IdleAfter - TimeSpan.FromSeconds(1));
        await sweep.LastRun;
        Assert.Equal(1, fixture.Limiter.CounterCount); // the timer has not fired

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await sweep.LastRun;
        Assert.Equal(0, fixture.Limiter.CounterCount);
        await sweep.StopAsync(Ct);
    }
}
