using System.Runtime.CompilerServices;
using Dome.Core.Limits;

namespace Dome.Gateway.Limits;

/// <summary>The limits that apply to one call (at most five: tenant, agent, customer, tool, connection), kept inline.</summary>
internal struct AppliedLimits
{
    private Buffer items;

    public int Count { get; private set; }

    public readonly AppliedLimit this[int index] => items[index];

    public void Add(LimitPolicy? policy, LimitScope scope, string? name)
    {
        if (policy is not null && name is not null)
        {
            items[Count++] = new AppliedLimit(policy, new CounterKey(policy.TenantId, scope, name));
        }
    }

    [InlineArray(5)]
    private struct Buffer
    {
        private AppliedLimit first;
    }
}
