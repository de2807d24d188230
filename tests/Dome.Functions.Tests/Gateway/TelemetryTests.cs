using System.Collections.Concurrent;
using System.Diagnostics;
using Dome.Gateway.Diagnostics;

namespace Dome.Functions.Tests.Gateway;

/// <summary>Each call is traced with a span per step, and no span carries arguments or tokens.</summary>
public sealed class TelemetryTests : GatewayTestBase
{
    [Fact]
    public async Task Call_IsTracedPerStep_WithoutArgumentsOrTokens()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GatewayDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var (status, body, _) = await CallAsync(Ticket("secret subject 8472"));

        Assert.True(status == 200, body?.ToJsonString());
        var callId = Api.Str(body, "callId");
        var root = Assert.Single(spans, s => s.GetTagItem("dome.call_id") as string == callId);
        Assert.Equal("allow", root.GetTagItem("dome.decision"));
        var steps = spans.Where(s => s.ParentSpanId == root.SpanId).Select(s => s.GetTagItem("dome.step") as string).ToHashSet();
        foreach (var step in new[] { "authenticate", "capability", "validate", "limits", "policy", "credential", "forward", "output", "audit" })
        {
            Assert.Contains(step, steps);
        }

        var everything = string.Join("\n", spans.SelectMany(s => s.TagObjects.Select(t => s.DisplayName + " " + t.Key + "=" + t.Value)));
        Assert.DoesNotContain("secret subject 8472", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(UpstreamSecret, everything, StringComparison.Ordinal);
    }
}
