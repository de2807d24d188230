namespace Dome.Gateway.Tests.Limits;

/// <summary>A clock the test moves by hand: wall time and the monotonic timestamp move together.</summary>
internal sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long ticks;

    public DateTimeOffset Now => start + TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    public override DateTimeOffset GetUtcNow() => Now;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
