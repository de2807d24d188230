using Dome.Core.Errors;
using Dome.Core.Limits;
using Dome.Gateway.Limits;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Tests.Limits;

public sealed class CallLimiterTests
{
    [Fact]
    public async Task Acquire_NoLimits_Allows()
    {
        var fixture = new LimiterFixture();

        using var decision = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);

        Assert.True(decision.IsAllowed);
        Assert.Equal(200, decision.StatusCode);
        Assert.Equal(0, decision.RetryAfterSeconds);
    }

    [Fact]
    public async Task Acquire_RateWithBurst_AllowsBurstThenRejectsWithRetryAfter()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Agent, "triage", rps: 2, burst: 5);

        Assert.Equal(5, await fixture.AllowedOfAsync(5, LimiterFixture.Keys()));
        using var rejected = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);

        Assert.False(rejected.IsAllowed);
        Assert.Equal(429, rejected.StatusCode);
        Assert.Equal(LimitKind.RequestRate, rejected.Kind);
        Assert.Equal((LimitScope.Agent, "triage"), (rejected.Scope, rejected.Name));
        Assert.Equal(TimeSpan.FromSeconds(0.5), rejected.RetryAfter);
        Assert.Equal(1, rejected.RetryAfterSeconds);
    }

    [Fact]
    public async Task Acquire_RateRefills_AtTheConfiguredRate()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Tenant, "*", rps: 2, burst: 2);
        Assert.Equal(2, await fixture.AllowedOfAsync(3, LimiterFixture.Keys()));

        fixture.Clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(0, await fixture.AllowedOfAsync(1, LimiterFixture.Keys()));
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await fixture.AllowedOfAsync(2, LimiterFixture.Keys()));

        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, await fixture.AllowedOfAsync(5, LimiterFixture.Keys()));
    }

    [Fact]
    public async Task Acquire_RateWithoutBurst_BurstIsTheRate()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Agent, "triage", rps: 3);

        Assert.Equal(3, await fixture.AllowedOfAsync(10, LimiterFixture.Keys()));
    }

    [Fact]
    public async Task Acquire_AgentWildcard_GivesEachAgentItsOwnBucket_ExactNameWins()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Agent, "*", rps: 1, burst: 1);
        await fixture.SetAsync(LimitScope.Agent, "bulk", rps: 1, burst: 3);

        Assert.Equal(1, await fixture.AllowedOfAsync(3, LimiterFixture.Keys("a")));
        Assert.Equal(1, await fixture.AllowedOfAsync(3, LimiterFixture.Keys("b")));
        Assert.Equal(3, await fixture.AllowedOfAsync(5, LimiterFixture.Keys("bulk")));
    }

    [Fact]
    public async Task Acquire_CustomerLimit_AppliesOnlyWhenTheCallHasACustomer()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Customer, "*", rps: 1, burst: 1);

        Assert.Equal(1, await fixture.AllowedOfAsync(3, LimiterFixture.Keys(customer: "cust-1")));
        Assert.Equal(1, await fixture.AllowedOfAsync(3, LimiterFixture.Keys(customer: "cust-2")));
        Assert.Equal(3, await fixture.AllowedOfAsync(3, LimiterFixture.Keys(customer: null)));
    }

    [Fact]
    public async Task Acquire_ConnectionLimit_SharedByAllItsTools()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Tool, "zendesk", rps: 1, burst: 2);

        Assert.Equal(1, await fixture.AllowedOfAsync(1, LimiterFixture.Keys(tool: "zendesk/create_ticket")));
        Assert.Equal(1, await fixture.AllowedOfAsync(2, LimiterFixture.Keys(tool: "zendesk/list_tickets")));
        using var rejected = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(tool: "zendesk/get_ticket"), TestContext.Current.CancellationToken);
        Assert.Equal((LimitScope.Tool, "zendesk"), (rejected.Scope, rejected.Name));
        Assert.Equal(3, await fixture.AllowedOfAsync(3, LimiterFixture.Keys(tool: "github/create_issue")));
    }

    [Fact]
    public async Task Acquire_LaterLimitRejects_EarlierTokensAreGivenBack()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Tenant, "*", rps: 1, burst: 2);
        await fixture.SetAsync(LimitScope.Tool, "zendesk/create_ticket", rps: 1, burst: 1);

        Assert.Equal(1, await fixture.AllowedOfAsync(4, LimiterFixture.Keys(tool: "zendesk/create_ticket")));

        // The tool's rejections did not spend the tenant's tokens: one is left for another tool.
        Assert.Equal(1, await fixture.AllowedOfAsync(2, LimiterFixture.Keys(tool: "zendesk/other")));
    }

    [Fact]
    public async Task Acquire_Concurrency_RejectsWhileFull_ReleasedOnDispose()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Agent, "triage", concurrency: 2);

        var first = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);
        var second = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);
        var third = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);

        Assert.True(first.IsAllowed && second.IsAllowed);
        Assert.Equal(LimitKind.Concurrency, third.Kind);
        Assert.Equal(1, third.RetryAfterSeconds);
        Assert.Equal(2, fixture.Limiter.InFlight(LimiterFixture.Tenant, LimitScope.Agent, "triage"));

        first.Dispose();
        first.Dispose();
        third.Dispose();
        Assert.Equal(1, fixture.Limiter.InFlight(LimiterFixture.Tenant, LimitScope.Agent, "triage"));
        using var fourth = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);
        Assert.True(fourth.IsAllowed);
        second.Dispose();
    }

    [Fact]
    public async Task Acquire_CallFails_SlotReleasedByUsing()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Tool, "zendesk", concurrency: 1);

        await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            using var decision = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);
            Assert.True(decision.IsAllowed);
            throw new HttpRequestException("upstream failed");
        });

        Assert.Equal(0, fixture.Limiter.InFlight(LimiterFixture.Tenant, LimitScope.Tool, "zendesk"));
        Assert.Equal(1, await fixture.AllowedOfAsync(1, LimiterFixture.Keys()));
    }

    [Fact]
    public async Task Acquire_ConcurrencyOnSeveralScopes_RejectionReleasesTheOthers()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Tenant, "*", concurrency: 10);
        await fixture.SetAsync(LimitScope.Agent, "triage", concurrency: 1);

        using var held = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);
        using var rejected = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);

        Assert.Equal((LimitKind.Concurrency, LimitScope.Agent), (rejected.Kind, rejected.Scope));
        Assert.Equal(1, fixture.Limiter.InFlight(LimiterFixture.Tenant, LimitScope.Tenant, "*"));
    }

    [Fact]
    public async Task Acquire_ParallelCallers_NeverExceedConcurrency()
    {
        var fixture = new LimiterFixture();
        await fixture.SetAsync(LimitScope.Agent, "triage", concurrency: 3);
        var inside = 0;
        var most = 0;

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            using var decision = await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);
            if (decision.IsAllowed)
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
        }, TestContext.Current.CancellationToken)));

        Assert.InRange(most, 1, 3);
        Assert.Equal(0, fixture.Limiter.InFlight(LimiterFixture.Tenant, LimitScope.Agent, "triage"));
    }

    [Fact]
    public async Task Acquire_StoreUnavailable_FailsClosed()
    {
        var limiter = new CallLimiter(new BrokenStore(), new TestClock(DateTimeOffset.UnixEpoch), Options.Create(new LimitsOptions()), NullLogger<CallLimiter>.Instance);

        var error = await Assert.ThrowsAsync<DomeException>(async () => await limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken));

        Assert.Equal(DomeErrorCode.Unavailable, error.Code);
    }

    [Fact]
    public async Task Acquire_ChangedElsewhere_SeenAfterTheRefreshInterval()
    {
        var fixture = new LimiterFixture();
        Assert.Equal(3, await fixture.AllowedOfAsync(3, LimiterFixture.Keys()));
        await fixture.Store.UpsertAsync(new LimitPolicy
        {
            TenantId = LimiterFixture.Tenant, Scope = LimitScope.Agent, Name = "triage", RequestsPerSecond = 1, Burst = 1,
            Concurrency = null, DailyQuota = null, UpdatedAt = fixture.Clock.Now, UpdatedBy = "admin:other-instance",
        }, TestContext.Current.CancellationToken);

        Assert.Equal(3, await fixture.AllowedOfAsync(3, LimiterFixture.Keys()));
        fixture.Clock.Advance(TimeSpan.FromSeconds(6));
        await fixture.Limiter.AcquireAsync(LimiterFixture.Keys(), TestContext.Current.CancellationToken);
        await WaitForAsync(async () => await fixture.AllowedOfAsync(3, LimiterFixture.Keys()) <= 1);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.Fail("the background refresh never applied the new limits");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
