using Dome.Core.Approvals;
using Dome.Core.Policy;
using Dome.Gateway.Policy;
using Dome.Gateway.Tests.Policy;

namespace Dome.Gateway.Tests.Escalation;

/// <summary>The judge webhook, as a real HTTP server on loopback.</summary>
public sealed class JudgeTests
{
    private const string Refund = "stripe/create_refund";

    [Fact]
    public async Task Decide_JudgeApproves_AllowedAndApprovalRecordedAsJudge()
    {
        await using var judge = await LoopbackJudge.StartAsync();
        using var h = await SetUpAsync(judge, 5000);

        var decision = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);

        Assert.Equal(PolicyOutcome.Allow, decision.Outcome);
        var approval = await h.Approvals.GetAsync("t1", decision.ApprovalId!, TestContext.Current.CancellationToken);
        Assert.Equal("judge", approval!.DecidedBy);
        Assert.Equal(ApprovalStatus.Used, approval.Status);
    }

    [Fact]
    public async Task Decide_JudgeGetsContextWithoutSecrets()
    {
        await using var judge = await LoopbackJudge.StartAsync();
        using var h = await SetUpAsync(judge, 5000);

        await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);

        var body = Assert.Single(judge.Requests);
        Assert.Equal(Refund, body.GetProperty("tool").GetString());
        Assert.Equal(900, body.GetProperty("arguments").GetProperty("amount").GetInt32());
        Assert.Equal("refund above 500 needs approval", body.GetProperty("reason").GetString());
        Assert.Equal("billing-bot", body.GetProperty("agent").GetProperty("name").GetString());
        Assert.False(body.GetProperty("agent").TryGetProperty("keyId", out _));
        Assert.False(judge.Headers[0].ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Decide_JudgeDenies_Denied()
    {
        await using var judge = await LoopbackJudge.StartAsync();
        judge.Answer = """{"decision":"deny"}""";
        using var h = await SetUpAsync(judge, 5000);

        var decision = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);

        Assert.Equal(PolicyOutcome.Deny, decision.Outcome);
        Assert.Equal(PolicyDenyReasons.JudgeDenied, decision.DenyReason);
        Assert.Equal(ApprovalStatus.Denied, (await h.Approvals.GetAsync("t1", decision.ApprovalId!, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task Decide_JudgeSilentPastBound_Denied()
    {
        await using var judge = await LoopbackJudge.StartAsync();
        judge.Answer = null;
        using var h = await SetUpAsync(judge, 200);

        var decision = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);

        Assert.Equal(PolicyOutcome.Deny, decision.Outcome);
        Assert.Equal(PolicyDenyReasons.JudgeUnavailable, decision.DenyReason);
    }

    [Fact]
    public async Task Decide_JudgeAnswersGarbage_Denied()
    {
        await using var judge = await LoopbackJudge.StartAsync();
        judge.Answer = """{"decision":"maybe"}""";
        using var h = await SetUpAsync(judge, 5000);

        var decision = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);

        Assert.Equal(PolicyDenyReasons.JudgeUnavailable, decision.DenyReason);
    }

    [Fact]
    public async Task Decide_JudgeUnreachable_Denied()
    {
        using var h = new PolicyHarness();
        await h.PublishExampleAsync("refund-approval.cedar");
        await h.Policies.SetSettingsAsync("t1", new PolicySettings { JudgeUrl = "http://127.0.0.1:9/judge", JudgeTimeoutMs = 2000 }, TestContext.Current.CancellationToken);

        var decision = await h.Point.DecideAsync(Calls.Call(Refund, """{"amount": 900}"""), TestContext.Current.CancellationToken);

        Assert.Equal(PolicyDenyReasons.JudgeUnavailable, decision.DenyReason);
    }

    private static async Task<PolicyHarness> SetUpAsync(LoopbackJudge judge, int timeoutMs)
    {
        var h = new PolicyHarness();
        await h.PublishExampleAsync("refund-approval.cedar");
        await h.Policies.SetSettingsAsync("t1", new PolicySettings { JudgeUrl = judge.Url.ToString(), JudgeTimeoutMs = timeoutMs }, TestContext.Current.CancellationToken);
        return h;
    }
}
