namespace Dome.Gateway.Tests.Limits;

/// <summary>
/// A clock the test moves by hand: wall time and the monotonic timestamp move together, and timers made from it fire
/// (synchronously, on the caller of <see cref="Advance"/>) when the clock passes their due time.
/// </summary>
internal sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<TestTimer> timers = [];
    private long ticks;

    public DateTimeOffset Now => start + TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    public override DateTimeOffset GetUtcNow() => Now;

    public override long GetTimestamp() => Interlocked.Read(ref ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by)
    {
        Interlocked.Add(ref ticks, by.Ticks);
        List<TestTimer> due;
        lock (gate)
        {
            due = timers.Where(t => t.DueAt is { } at && at <= Interlocked.Read(ref ticks)).ToList();
        }

        foreach (var timer in due)
        {
            timer.Fire(Interlocked.Read(ref ticks));
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TestTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (gate)
        {
            timers.Add(timer);
        }

        return timer;
    }

    private void Remove(TestTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    private sealed class TestTimer(TestClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan period;

        public long? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            this.period = period;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetTimestamp() + dueTime.Ticks;
            return true;
        }

        public void Fire(long now)
        {
            DueAt = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : now + period.Ticks;
            callback(state);
        }

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
