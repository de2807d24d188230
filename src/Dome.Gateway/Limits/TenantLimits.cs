using System.Collections.Frozen;
using Dome.Core.Limits;

namespace Dome.Gateway.Limits;

/// <summary>An immutable snapshot of one tenant's limits, looked up by scope and name without allocating.</summary>
internal sealed class TenantLimits
{
    public static readonly TenantLimits Empty = new([]);

    private readonly FrozenDictionary<string, LimitPolicy> agents;
    private readonly FrozenDictionary<string, LimitPolicy> customers;
    private readonly FrozenDictionary<string, LimitPolicy> tools;
    private readonly FrozenDictionary<string, LimitPolicy>.AlternateLookup<ReadOnlySpan<char>> connections;

    public TenantLimits(IEnumerable<LimitPolicy> policies)
    {
        var all = policies.ToList();
        Tenant = all.FirstOrDefault(p => p.Scope == LimitScope.Tenant);
        agents = Of(all, LimitScope.Agent);
        customers = Of(all, LimitScope.Customer);
        tools = Of(all, LimitScope.Tool);
        connections = tools.GetAlternateLookup<ReadOnlySpan<char>>();
        IsEmpty = all.Count == 0;
    }

    public bool IsEmpty { get; }

    public LimitPolicy? Tenant { get; }

    /// <summary>The policy set on this exact name, else the one set on <c>*</c>.</summary>
    public LimitPolicy? Find(LimitScope scope, string name)
    {
        var map = scope switch
        {
            LimitScope.Agent => agents,
            LimitScope.Customer => customers,
            LimitScope.Tool => tools,
            _ => throw new ArgumentOutOfRangeException(nameof(scope)),
        };
        if (map.Count == 0)
        {
            return null;
        }

        return map.TryGetValue(name, out var exact) ? exact : map.GetValueOrDefault(LimitScopes.Any);
    }

    /// <summary>The policy set on the connection of a <c>connection/tool</c> name, if any.</summary>
    public LimitPolicy? FindConnection(string tool)
    {
        var slash = tool.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || tools.Count == 0)
        {
            return null;
        }

        return connections.TryGetValue(tool.AsSpan(0, slash), out var policy) ? policy : null;
    }

    private static FrozenDictionary<string, LimitPolicy> Of(List<LimitPolicy> all, LimitScope scope) =>
        all.Where(p => p.Scope == scope).ToFrozenDictionary(p => p.Name, StringComparer.Ordinal);
}
