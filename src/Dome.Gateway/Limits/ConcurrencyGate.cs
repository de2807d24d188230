namespace Dome.Gateway.Limits;

/// <summary>Counts the calls in flight on one counter key.</summary>
internal sealed class ConcurrencyGate
{
    private int inFlight;

    public int InFlight => Volatile.Read(ref inFlight);

    public bool TryEnter(int limit)
    {
        var current = Volatile.Read(ref inFlight);
        while (true)
        {
            if (current >= limit)
            {
                return false;
            }

            var seen = Interlocked.CompareExchange(ref inFlight, current + 1, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }
    }

    public void Exit() => Interlocked.Decrement(ref inFlight);
}
