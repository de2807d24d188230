namespace Dome.Gateway.Limits;

/// <summary>
/// A token bucket: holds up to <c>burst</c> tokens, refilled at <c>rate</c> per second; each call takes one.
/// Starts full. A change of rate or burst applies from the next call on. A bucket that has been idle long enough to be
/// full again is the same as a new one, so the sweep may retire it (<see cref="TryRetire"/>); a retired bucket takes
/// nothing and the caller fetches the current one.
/// </summary>
internal sealed class TokenBucket(long createdAt)
{
    private readonly Lock gate = new();
    private double tokens = double.NaN;
    private long updatedAt = createdAt;
    private double lastRate;
    private int lastBurst;
    private bool retired;

    public bool TryTake(double rate, int burst, long now, TimeProvider time, out TimeSpan retryAfter, out bool isRetired)
    {
        lock (gate)
        {
            isRetired = retired;
            retryAfter = TimeSpan.Zero;
            if (retired)
            {
                return false;
            }

            (lastRate, lastBurst) = (rate, burst);
            if (double.IsNaN(tokens))
            {
                tokens = burst;
            }
            else if (now > updatedAt)
            {
                tokens = Math.Min(burst, tokens + (time.GetElapsedTime(updatedAt, now).TotalSeconds * rate));
            }
            else
            {
                tokens = Math.Min(burst, tokens);
            }

            updatedAt = Math.Max(updatedAt, now);
            if (tokens >= 1)
            {
                tokens -= 1;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - tokens) / rate);
            return false;
        }
    }

    /// <summary>
    /// Retires the bucket when nothing took from it for <paramref name="idleFor"/> and it has refilled to its burst
    /// (so a new bucket, which starts full, admits exactly what this one would).
    /// </summary>
    public bool TryRetire(long now, TimeSpan idleFor, TimeProvider time)
    {
        lock (gate)
        {
            var idle = now > updatedAt ? time.GetElapsedTime(updatedAt, now) : TimeSpan.Zero;
            if (retired || idle < idleFor)
            {
                return false;
            }

            if (!double.IsNaN(tokens) && tokens + (idle.TotalSeconds * lastRate) < lastBurst)
            {
                return false;
            }

            retired = true;
            return true;
        }
    }

    /// <summary>Gives back a token taken for a call that another limit then turned away.</summary>
    public void Refund(int burst)
    {
        lock (gate)
        {
            tokens = Math.Min(burst, tokens + 1);
        }
    }
}
