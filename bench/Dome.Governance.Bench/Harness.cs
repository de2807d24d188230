using System.Diagnostics;

/// <summary>
/// Times a call single-threaded after a warm-up of <see cref="WarmUp"/>; prints µs and bytes allocated per call. The time is the thread's CPU
/// time (<see cref="ThreadClock"/>) of the fastest of <see cref="Rounds"/> rounds; bytes are the mean. The calls
/// measured asynchronously complete synchronously (in-memory I/O), so they stay on the measuring thread.
/// </summary>
internal static class Harness
{
    public const int Calls = 50_000;
    private const int Rounds = 20;

    /// <summary>Long enough for tiered compilation to finish (it waits ~100 ms after start-up activity, then recompiles with PGO).</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1.5);

    /// <summary>Set (<c>--profile SECONDS [STEP]</c>): each call-path step (or those named like STEP) is run alone that long, for a sampling profiler.</summary>
    public static TimeSpan? ProfileFor { get; set; }

    public static string ProfileOnly { get; set; } = "";

    public static void Measure(string name, Action call)
    {
        if (ProfileFor is { } profile && name.Contains(ProfileOnly, StringComparison.Ordinal))
        {
            Console.WriteLine($"profiling {name.Trim()} for {profile.TotalSeconds} s");
            for (var clock = Stopwatch.StartNew(); clock.Elapsed < profile;)
            {
                call();
            }
        }

        for (var warm = Stopwatch.StartNew(); warm.Elapsed < WarmUp;)
        {
            call();
        }

        var best = TimeSpan.MaxValue;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < Rounds; round++)
        {
            var start = ThreadClock.Now();
            for (var i = 0; i < Calls / Rounds; i++)
            {
                call();
            }

            var elapsed = ThreadClock.Now() - start;
            best = elapsed < best ? elapsed : best;
        }

        Report(name, best * Rounds, GC.GetAllocatedBytesForCurrentThread() - bytes);
    }

    /// <summary>An asynchronous call: allocations are counted over the whole process, which runs nothing else meanwhile.</summary>
    public static async Task MeasureAsync(string name, Func<Task> call)
    {
        if (ProfileFor is { } profile && name.Contains(ProfileOnly, StringComparison.Ordinal))
        {
            Console.WriteLine($"profiling {name.Trim()} for {profile.TotalSeconds} s");
            for (var clock = Stopwatch.StartNew(); clock.Elapsed < profile;)
            {
                await call();
            }
        }

        for (var warm = Stopwatch.StartNew(); warm.Elapsed < WarmUp;)
        {
            await call();
        }

        var best = TimeSpan.MaxValue;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        for (var round = 0; round < Rounds; round++)
        {
            var start = ThreadClock.Now();
            for (var i = 0; i < Calls / Rounds; i++)
            {
                await call();
            }

            var elapsed = ThreadClock.Now() - start;
            best = elapsed < best ? elapsed : best;
        }

        Report(name, best * Rounds, GC.GetTotalAllocatedBytes(precise: true) - bytes);
    }

    public static void Report(string name, TimeSpan elapsed, long allocated) =>
        Console.WriteLine($"{name,-38} {elapsed.TotalMicroseconds / Calls,8:F2} µs/call {allocated / Calls,6} B/call");
}
