namespace Dome.Gateway.Forwarding;

/// <summary>
/// Reuses the cancellation sources that time upstream calls out: a source that did not fire is reset and kept (one
/// per thread), so a call does not allocate a source and its timer.
/// </summary>
internal static class TimeoutSources
{
    [ThreadStatic]
    private static CancellationTokenSource? kept;

    /// <summary>A source that cancels after <paramref name="timeout"/>.</summary>
    public static CancellationTokenSource Rent(TimeSpan timeout)
    {
        var source = kept ?? new CancellationTokenSource();
        kept = null;
        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>Keeps the source for the next call when it can be reset (it did not fire); disposes it otherwise.</summary>
    public static void Return(CancellationTokenSource source)
    {
        if (source.TryReset())
        {
            kept = source;
        }
        else
        {
            source.Dispose();
        }
    }
}
