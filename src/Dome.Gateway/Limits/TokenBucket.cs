namespace Dome.Gateway.Limits;

/// <summary>
/// A token bucket: holds up to <c>burst</c> tokens, refilled at <c>rate</c> per second; each call takes one.
/// Starts full. A change of rate or burst applies from the next call on.
/// </summary>
internal sealed class TokenBucket(long createdAt)
{
    private readonly Lock gate = new();
    private double tokens = double.NaN;
    private long updatedAt = createdAt;

    public bool TryTake(double rate, int burst, long now, TimeProvider time, out TimeSpan retryAfter)
    {
        lock (gate)
        {
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
                retryAfter = TimeSpan.Zero;
                return true;
            }

            retryAfter = TimeSpan.FromSeconds((1 - tokens) / rate);
            return false;
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
