using System.Runtime.CompilerServices;

namespace Dome.Gateway.Limits;

/// <summary>The concurrency gates one call has entered so far, kept inline until the call is admitted.</summary>
internal struct Gates
{
    private Buffer items;
    private int count;

    public void Add(ConcurrencyGate gate) => items[count++] = gate;

    public void Release()
    {
        for (var i = 0; i < count; i++)
        {
            items[i]!.Exit();
        }

        count = 0;
    }

    public readonly LimitLease? ToLease() =>
        count == 0 ? null : new LimitLease(items[0]!, items[1], items[2], items[3], items[4]);

    [InlineArray(5)]
    private struct Buffer
    {
        private ConcurrencyGate? first;
    }
}
