using System.Diagnostics;
using System.Runtime.InteropServices;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): on a machine shared with other jobs it does
/// not count the time the thread waited for a core, which wall-clock time does. Falls back to wall-clock time elsewhere.
/// </summary>
internal static partial class ThreadClock
{
    private const int ClockThreadCpuTime = 3;

    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux();

    public static TimeSpan Now()
    {
        if (!IsCpuTime)
        {
            return Stopwatch.GetElapsedTime(0);
        }

        ClockGetTime(ClockThreadCpuTime, out var time);
        return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
