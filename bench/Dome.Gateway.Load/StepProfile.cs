using System.Globalization;
using Dome.Core.Audit;

namespace Dome.Gateway.Load;

/// <summary>
/// Where a governed call's time goes: the mean and median of each pipeline step's <c>latencyMs</c> over the newest
/// stored audit events of the run (the pipeline times its own steps; no profiler needed).
/// </summary>
internal static class StepProfile
{
    public static async Task PrintAsync(IAuditStore store, string tenantId, int newest) =>
        Console.Write(await RenderAsync(store, tenantId, newest));

    /// <summary>The table of <see cref="PrintAsync"/>, as text (to print later).</summary>
    public static async Task<string> RenderAsync(IAuditStore store, string tenantId, int newest)
    {
        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        string? continuation = null;
        var seen = 0;
        do
        {
            var page = await store.QueryAsync(new AuditQuery { TenantId = tenantId, Limit = 1000, ContinuationToken = continuation, Decision = AuditDecisions.Allow }, CancellationToken.None);
            foreach (var auditEvent in page.Events)
            {
                foreach (var (step, ms) in auditEvent.LatencyMs)
                {
                    (samples.TryGetValue(step, out var list) ? list : samples[step] = []).Add(ms);
                }
            }

            seen += page.Events.Count;
            continuation = page.ContinuationToken;
        }
        while (continuation is not null && seen < newest);

        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"per-step latency of the newest {seen} stored allowed calls (ms):");
        text.AppendLine();
        text.AppendLine("| step | calls | mean | p50 | p99 |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var (step, list) in samples.OrderByDescending(s => s.Value.Average()))
        {
            list.Sort();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {list.Count} | {list.Average():0.000} | {list[list.Count / 2]:0.000} | {list[Math.Min(list.Count - 1, (int)(list.Count * 0.99))]:0.000} |"));
        }

        return text.ToString();
    }
}
