using System.Diagnostics;
using Dome.Gateway.Diagnostics;

namespace Dome.Gateway.Pipeline;

/// <summary>Times one step of one call: its span, its histogram and its entry in the audit event's <c>latencyMs</c>.</summary>
internal readonly struct StepScope(CallState call, string step, Activity? activity, GatewayDiagnostics diagnostics, TimeProvider time) : IDisposable
{
    private readonly long started = time.GetTimestamp();

    public void Dispose()
    {
        call.Timings.Add(step, started);
        diagnostics.RecordStep(step, time.GetElapsedTime(started).TotalMilliseconds);
        if (activity is not null)
        {
            if (call.Failed)
            {
                activity.SetTag("dome.code", CallFailures.CodeOf(call.Failure));
            }

            activity.Dispose();
        }
    }
}
