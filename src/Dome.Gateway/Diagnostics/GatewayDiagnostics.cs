using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dome.Gateway.Diagnostics;

/// <summary>
/// The gateway's one owner of telemetry: the <see cref="ActivitySource"/> that traces each call and each of its
/// steps, and the <see cref="Meter"/> with the call and step instruments. Tags name the tenant, agent, tool,
/// step and outcome only: never arguments, tokens, credentials or response content.
/// </summary>
public sealed class GatewayDiagnostics : IDisposable
{
    public const string Name = "Dome.Gateway";

    private readonly Histogram<double> callDuration;
    private readonly Histogram<double> stepDuration;
    private readonly Counter<long> calls;

    public GatewayDiagnostics()
    {
        ActivitySource = new ActivitySource(Name);
        Meter = new Meter(Name);
        callDuration = Meter.CreateHistogram<double>("dome.gateway.call.duration", "ms", "Time from receiving a tool call to answering it.");
        stepDuration = Meter.CreateHistogram<double>("dome.gateway.step.duration", "ms", "Time spent in one pipeline step.");
        calls = Meter.CreateCounter<long>("dome.gateway.calls", "{call}", "Tool calls and checks by decision and failure code.");
    }

    public ActivitySource ActivitySource { get; }

    public Meter Meter { get; }

    /// <summary>Starts the span of one call (or check).</summary>
    public Activity? StartCall(string kind) => ActivitySource.StartActivity("dome.gateway " + kind, ActivityKind.Server);

    /// <summary>Starts the span of one step; it ends when disposed.</summary>
    public Activity? StartStep(string step) => ActivitySource.StartActivity("dome.gateway.step " + step, ActivityKind.Internal)?.SetTag("dome.step", step);

    public void RecordStep(string step, double milliseconds) =>
        stepDuration.Record(milliseconds, new KeyValuePair<string, object?>("dome.step", step));

    public void RecordCall(string kind, string decision, string? code, double milliseconds)
    {
        var tags = new TagList
        {
            { "dome.kind", kind },
            { "dome.decision", decision },
            { "dome.code", code ?? "ok" },
        };
        calls.Add(1, tags);
        callDuration.Record(milliseconds, tags);
    }

    public void Dispose()
    {
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}
