namespace Dome.Gateway.Limits;

/// <summary>The concurrency slots one allowed call holds; released once, however often <see cref="Release"/> is called.</summary>
internal sealed class LimitLease(ConcurrencyGate first, ConcurrencyGate? second, ConcurrencyGate? third, ConcurrencyGate? fourth, ConcurrencyGate? fifth)
{
    private int released;

    public void Release()
    {
        if (Interlocked.Exchange(ref released, 1) != 0)
        {
            return;
        }

        first.Exit();
        second?.Exit();
        third?.Exit();
        fourth?.Exit();
        fifth?.Exit();
    }
}
