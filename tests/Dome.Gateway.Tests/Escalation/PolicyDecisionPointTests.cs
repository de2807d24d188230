using Dome.Core.Approvals;
using Dome.Core.Errors;
using Dome.Gateway.Escalation;
using Dome.Gateway.Policy;
using Dome.Gateway.Tests.Policy;

namespace Dome.Gateway.Tests.Escalation;

public sealed class PolicyDecisionPointTests
{
    private const string Refund = "stripe/create_refund";

    [Fact]
    public async Task Decide_EscalateThenApproveThenRetry_Allowed()
    {
        using var h = new PolicyHarness();
        await h.PublishExampleAsync("refund-approval.cedar");

        var first = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900, "currency": "eur"}"""), TestContext.Current.CancellationToken);
        Assert.Equal(PolicyOutcome.Escalate, first.Outcome);
        Assert.NotNull(first.ApprovalId);

        var pending = await h.Point.DecideAsync(Calls.Call(Refund, """{"currency": "eur", "amount": 900}""", approvalId: first.ApprovalId), TestContext.Current.CancellationToken);
        Assert.Equal(PolicyOutcome.Escalate, pending.Outcome);
        Assert.Equal(first.ApprovalId, pending.ApprovalId);

        await h.Service.DecideAsync("t1", first.ApprovalId!, approve: true, "admin:alice", "fine", TestContext.Current.CancellationToken);
        var retry = await h.Point.DecideAsync(Calls.Call(Refund, """{"currency": "eur", "amount": 900}""", approvalId: first.ApprovalId), TestContext.Current.CancellationToken);

        Assert.Equal(PolicyOutcome.Allow, retry.Outcome);
        Assert.Equal(first.ApprovalId, retry.ApprovalId);
        Assert.Equal(ApprovalStatus.Used, (await h.Approvals.GetAsync("t1", first.ApprovalId!, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task Decide_ApprovedButArgumentsChanged_Denied()
    {
        using var h = new PolicyHarness();
        await h.PublishExampleAsync("refund-approval.cedar");
        var first = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);
        await h.Service.DecideAsync("t1", first.ApprovalId!, approve: true, "admin:alice", null, TestContext.Current.CancellationToken);

        var changed = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 9000}""", approvalId: first.ApprovalId), TestContext.Current.CancellationToken);

        Assert.Equal(PolicyOutcome.Deny, changed.Outcome);
        Assert.Equal(PolicyDecisionPoint.ApprovalMismatch, changed.DenyReason);
        Assert.Equal(ApprovalStatus.Approved, (await h.Approvals.GetAsync("t1", first.ApprovalId!, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task Decide_ApprovalUsedTwice_SecondDenied()
    {
        using var h = new PolicyHarness();
        await h.PublishExampleAsync("refund-approval.cedar");
        var first = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);
        await h.Service.DecideAsync("t1", first.ApprovalId!, approve: true, "admin:alice", null, TestContext.Current.CancellationToken);
        var call = Calls.Call(Refund, """{"amount": 900}""", approvalId: first.ApprovalId);

        Assert.Equal(PolicyOutcome.Allow, (await h.Point.DecideAsync(call, TestContext.Current.CancellationToken)).Outcome);
        var again = await h.Point.DecideAsync(call, TestContext.Current.CancellationToken);

        Assert.Equal(PolicyOutcome.Deny, again.Outcome);
        Assert.Equal(PolicyDecisionPoint.ApprovalUsed, again.DenyReason);
    }

    [Fact]
    public async Task Decide_ApprovalRefused_Denied()
    {
        using var h = new PolicyHarness();
        await h.PublishExampleAsync("refund-approval.cedar");
        var first = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);
        await h.Service.DecideAsync("t1", first.ApprovalId!, approve: false, "admin:alice", null, TestContext.Current.CancellationToken);

        var retry = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}""", approvalId: first.ApprovalId), TestContext.Current.CancellationToken);

        Assert.Equal(PolicyDecisionPoint.ApprovalDenied, retry.DenyReason);
    }

    [Fact]
    public async Task Decide_ApprovalExpired_EscalatesAgainWithNewApproval()
    {
        using var h = new PolicyHarness();
        await h.PublishExampleAsync("refund-approval.cedar");
        var first = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);
        await h.Service.DecideAsync("t1", first.ApprovalId!, approve: true, "admin:alice", null, TestContext.Current.CancellationToken);
        h.Time.Advance(TimeSpan.FromMinutes(15));

        var retry = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}""", approvalId: first.ApprovalId), TestContext.Current.CancellationToken);

        Assert.Equal(PolicyOutcome.Escalate, retry.Outcome);
        Assert.NotEqual(first.ApprovalId, retry.ApprovalId);
    }

    [Fact]
    public async Task Decide_UnknownApprovalId_ThrowsInvalidRequest()
    {
        using var h = new PolicyHarness();

        var e = await Assert.ThrowsAsync<DomeException>(async () =>
            await h.Point.DecideAsync(Calls.Call(approvalId: "apr_not-a-real-one"), TestContext.Current.CancellationToken));

        Assert.Equal(DomeErrorCode.InvalidRequest, e.Code);
        Assert.Equal("invalid_approval", e.Extensions["reason"]);
    }

    [Fact]
    public async Task DecideApproval_Expired_Conflict()
    {
        using var h = new PolicyHarness();
        await h.PublishExampleAsync("refund-approval.cedar");
        var first = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);
        h.Time.Advance(TimeSpan.FromMinutes(16));

        var e = await Assert.ThrowsAsync<DomeException>(() => h.Service.DecideAsync("t1", first.ApprovalId!, true, "admin", null, TestContext.Current.CancellationToken));

        Assert.Equal(DomeErrorCode.Conflict, e.Code);
    }

    [Fact]
    public async Task DecideApproval_OtherTenant_NotFound()
    {
        using var h = new PolicyHarness();
        await h.PublishExampleAsync("refund-approval.cedar");
        var first = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);

        var e = await Assert.ThrowsAsync<DomeException>(() => h.Service.DecideAsync("t2", first.ApprovalId!, true, "admin", null, TestContext.Current.CancellationToken));

        Assert.Equal(DomeErrorCode.NotFound, e.Code);
        Assert.Equal(ApprovalStatus.Pending, (await h.Approvals.GetAsync("t1", first.ApprovalId!, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task Request_TenantLifetimeSetting_UsedForExpiry()
    {
        using var h = new PolicyHarness();
        await h.Policies.SetSettingsAsync("t1", new Core.Policy.PolicySettings { ApprovalLifetimeSeconds = 60 }, TestContext.Current.CancellationToken);
        await h.PublishExampleAsync("refund-approval.cedar");

        var first = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);

        var approval = await h.Approvals.GetAsync("t1", first.ApprovalId!, TestContext.Current.CancellationToken);
        Assert.Equal(Calls.Now.AddSeconds(60), approval!.ExpiresAt);
        Assert.Equal("agt_1", approval.AgentId);
        Assert.Equal(Refund, approval.Tool);
    }

    [Fact]
    public async Task Publish_NewVersion_LiveAtOnceAndStored()
    {
        using var h = new PolicyHarness();
        var before = await h.Provider.GetAsync("t1", TestContext.Current.CancellationToken);

        await h.PublishExampleAsync("large-amount.cedar");
        var decision = await h.Point.DecideAsync(Calls.Call("stripe/create_charge", """{"amount": 20000}"""), TestContext.Current.CancellationToken);

        Assert.Equal(PolicySetProvider.Default.Version, before.Version);
        Assert.Equal(PolicyOutcome.Deny, decision.Outcome);
        Assert.Equal(await h.Policies.GetActiveHashAsync("t1", TestContext.Current.CancellationToken), decision.PolicyVersion);
        Assert.Equal(PolicySetProvider.Default.Version, (await h.Provider.GetAsync("t2", TestContext.Current.CancellationToken)).Version);
    }

    [Fact]
    public async Task Get_PublishedByAnotherInstance_PickedUpAfterRefreshInterval()
    {
        using var h = new PolicyHarness();
        await h.Provider.GetAsync("t1", TestContext.Current.CancellationToken);
        var other = new PolicyPublisher(h.Policies, new PolicySetProvider(h.Policies, h.Time, Microsoft.Extensions.Options.Options.Create(new PolicyOptions())), h.Time);
        var published = await other.PublishAsync("t1", new Dictionary<string, string> { ["a.cedar"] = Calls.Example("large-amount.cedar") }, null, "admin", TestContext.Current.CancellationToken);

        var stale = await h.Provider.GetAsync("t1", TestContext.Current.CancellationToken);
        h.Time.Advance(TimeSpan.FromSeconds(6));
        var fresh = await h.Provider.GetAsync("t1", TestContext.Current.CancellationToken);

        Assert.Equal(PolicySetProvider.Default.Version, stale.Version);
        Assert.Equal(published.Version, fresh.Version);
    }
}
