namespace Dome.Gateway.Load;

/// <summary>What one load phase measured.</summary>
internal sealed record LoadResult(string Name, int Requests, int Errors, double Seconds, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    /// <summary>CPU time the whole process (load generator, upstream and Dome) spent per request in this phase, in ms.</summary>
    public double CpuMsPerRequest { get; init; }

    public double Throughput => Requests / Seconds;

    public static LoadResult From(string name, List<double> latencies, int errors, double seconds)
    {
        latencies.Sort();
        return new LoadResult(name, latencies.Count, errors, seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.90), Percentile(latencies, 0.99), latencies.Count == 0 ? 0 : latencies[^1]);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
