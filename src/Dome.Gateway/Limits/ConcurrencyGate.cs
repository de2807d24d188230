namespace Dome.Gateway.Limits;

/// <summary>
/// Counts the calls in flight on one counter key. With none in flight it is the same as a new gate, so the sweep may
/// retire it (<see cref="TryRetire"/>); a retired gate admits nothing and the caller fetches the current one.
/// </summary>
internal sealed class ConcurrencyGate
{
    private const int Retired = int.MinValue;

    private int inFlight;

    public int InFlight => Math.Max(0, Volatile.Read(ref inFlight));

    public bool TryEnter(int limit, out bool retired)
    {
        var current = Volatile.Read(ref inFlight);
        while (true)
        {
            retired = current == Retired;
            if (retired || current >= limit)
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

    /// <summary>Retires the gate if no call is in flight.</summary>
    public bool TryRetire() => Interlocked.CompareExchange(ref inFlight, Retired, 0) == 0;
}
