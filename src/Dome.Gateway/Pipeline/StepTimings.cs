namespace Dome.Gateway.Pipeline;

/// <summary>Milliseconds spent in each pipeline step of one call, for its audit event and metrics. Not thread-safe: one per call.</summary>
internal sealed class StepTimings(TimeProvider time)
{
    private readonly long started = time.GetTimestamp();
    private readonly Dictionary<string, double> steps = new(12, StringComparer.Ordinal);

    public void Add(string step, long since)
    {
        var ms = time.GetElapsedTime(since).TotalMilliseconds;
        steps[step] = steps.TryGetValue(step, out var before) ? before + ms : ms;
    }

    public double TotalMs => time.GetElapsedTime(started).TotalMilliseconds;

    /// <summary>The steps and <c>total</c>, rounded to microseconds.</summary>
    public IReadOnlyDictionary<string, double> Snapshot()
    {
        var result = new Dictionary<string, double>(steps.Count + 1, StringComparer.Ordinal);
        foreach (var (step, ms) in steps)
        {
            result[step] = Math.Round(ms, 3);
        }

        result["total"] = Math.Round(TotalMs, 3);
        return result;
    }
}
