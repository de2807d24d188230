using Dome.Core.Errors;
using Dome.Core.Limits;
using Dome.Gateway.Limits;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Tests.Limits;

public sealed class DailyQuotaTests
{
    [Fact]
    public async Task Acquire_DailyQuota_AllowsQuotaThenRejectsUntilMidnightUtc()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Agent, "triage", daily: 5);

        Assert.Equal(5, await fixture.AllowedOfAsync(8, LimiterFixture.Keys()));
        using var rejected = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);

        Assert.Equal(LimitKind.DailyQuota, rejected.Kind);
        Assert.Equal(TimeSpan.FromHours(12), rejected.RetryAfter);
        Assert.Equal(43_200, rejected.RetryAfterSeconds);
    }

    [Fact]
    public async Task Acquire_NextUtcDay_QuotaStartsAgain()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Tenant, "*", daily: 3);
        Assert.Equal(3, await fixture.AllowedOfAsync(5, LimiterFixture.Keys()));

        fixture.Clock.Advance(TimeSpan.FromHours(12));

        Assert.Equal(3, await fixture.AllowedOfAsync(5, LimiterFixture.Keys()));
    }

    [Fact]
    public async Task Acquire_AfterRestartOnTheSameDatabaseFile_QuotaKeepsCounting()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Customer, "cust-1", daily: 10);
        Assert.Equal(6, await fixture.AllowedOfAsync(6, LimiterFixture.Keys(customer: "cust-1")));
        await fixture.Limiter.ReleaseReservationsAsync(TestContext.Current.CancellationToken);

        var restarted = fixture.Restart();

        Assert.Equal(4, await restarted.AllowedOfAsync(10, LimiterFixture.Keys(customer: "cust-1")));
    }

    [Fact]
    public async Task Acquire_CrashWithoutRelease_NeverAdmitsMoreThanTheQuota()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Agent, "triage", daily: 1000);
        Assert.Equal(15, await fixture.AllowedOfAsync(15, LimiterFixture.Keys()));

        // No ReleaseReservationsAsync: the process died. The stored count covers every admitted call.
        var restarted = fixture.Restart();
        var day = DateOnly.FromDateTime(fixture.Clock.Now.UtcDateTime);
        var stored = await restarted.Store.UsedAsync(new QuotaKey(LimiterFixture.Tenant, LimitScope.Agent, "triage", day), TestContext.Current.CancellationToken);

        Assert.InRange(stored, 15, 15 + QuotaCounter.BlockSize(1000));
        Assert.Equal(1000 - stored, await restarted.AllowedOfAsync(1100, LimiterFixture.Keys()));
    }

    [Fact]
    public async Task Acquire_TwoInstancesOnOneStore_AdmitTheQuotaTogether()
    {
        var first = new LimiterFixture();
        await first.SetAsync(LimitScope.Tenant, "*", daily: 500);
        var second = new CallLimiter(first.Store, first.Clock, Options.Create(new LimitsOptions()), NullLogger<CallLimiter>.Instance);

        var allowed = 0;
        for (var i = 0; i < 600; i++)
        {
            using var a = await first.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);
            using var b = await second.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);
            allowed += (a.IsAllowed ? 1 : 0) + (b.IsAllowed ? 1 : 0);
        }

        Assert.Equal(500, allowed);
    }

    [Fact]
    public async Task Acquire_QuotaRaised_AdmitsAgainAtOnce()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Agent, "triage", daily: 2);
        Assert.Equal(2, await fixture.AllowedOfAsync(3, LimiterFixture.Keys()));

        await fixture.SetAsync(LimitScope.Agent, "triage", daily: 4);

        Assert.Equal(2, await fixture.AllowedOfAsync(5, LimiterFixture.Keys()));
    }

    [Fact]
    public async Task Acquire_RateRejectsAfterQuotaCheckWouldPass_QuotaNotSpent()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Agent, "triage", rps: 1, burst: 1, daily: 3);

        Assert.Equal(1, await fixture.AllowedOfAsync(5, LimiterFixture.Keys()));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await fixture.AllowedOfAsync(5, LimiterFixture.Keys()));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await fixture.AllowedOfAsync(5, LimiterFixture.Keys()));
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await fixture.AllowedOfAsync(5, LimiterFixture.Keys()));
    }

    [Fact]
    public async Task Acquire_QuotaStoreDown_FailsClosedAndHoldsNothing()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Agent, "triage", concurrency: 1, daily: 10);
        var limiter = new CallLimiter(new BrokenStore(fixture.Store), fixture.Clock, Options.Create(new LimitsOptions()), NullLogger<CallLimiter>.Instance);

        var error = await Assert.ThrowsAsync<DomeException>(async () => await limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken));

        Assert.Equal(DomeErrorCode.Unavailable, error.Code);
        Assert.Equal(0, limiter.InFlight(LimiterFixture.Tenant, LimitScope.Agent, "triage"));
    }
}
