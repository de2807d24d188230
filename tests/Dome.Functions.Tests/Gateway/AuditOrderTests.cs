using Dome.Core.Audit;

namespace Dome.Functions.Tests.Gateway;

/// <summary>An allowed call's decided audit event is durable before its upstream is called (docs/audit.md).</summary>
public sealed class AuditOrderTests : GatewayTestBase
{
    [Fact]
    public async Task Call_DecidedStageWritten_IsOnTheAuditPathBeforeTheUpstreamAnswers()
    {
        // The upstream holds its answer; meanwhile the call's decided event must already be durable.
        Upstream.Answer("/api/v2/tickets", """{"id":1}""", delay: TimeSpan.FromSeconds(2));
        var call = CallAsync(Ticket());
        await Api.EventuallyAsync(() => Task.FromResult(!Upstream.Requests.IsEmpty), "the call to reach the upstream");

        var decided = Assert.Single((await AuditEventsAsync()).Values);
        Assert.Equal(AuditStages.Decided, decided.Stage);
        Assert.Equal(AuditDecisions.Allow, decided.Decision);
        Assert.Null(decided.UpstreamStatus);

        var (status, body, _) = await call;
        Assert.Equal(200, status);
        var completed = await AuditOfAsync(Api.Str(body, "callId"));
        Assert.Equal((AuditStages.Completed, 200), (completed.Stage, completed.UpstreamStatus));
    }
}
