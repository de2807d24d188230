using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Dome.Cedar;
using Dome.Cedar.Evaluation;
using Dome.Core.Registry;

namespace Dome.Gateway.Policy;

/// <summary>
/// The Cedar entities of agents and tools, built once and reused by every call that names them: an agent's
/// (<c>Dome::Agent</c> in its <c>Dome::Workspace</c> in its <c>Dome::Tenant</c>) per agent record instance — a record never
/// changes, and a changed agent (status, tier) is a new record, so the entities are always the current record's — and a
/// tool's (<c>Dome::Tool</c> in its <c>Dome::Connection</c>) per tenant and tool name, checked against the call's facts
/// field by field, so a changed catalog entry rebuilds it. Thread-safe; a call combines them without copying
/// (<see cref="EntityStore.Combine"/>).
/// </summary>
internal static class CedarEntityCache
{
    /// <summary>At most this many tools are kept; beyond, the cache starts over (tools come from the catalog, so few).</summary>
    public const int MaxTools = 4096;

    private static readonly ConditionalWeakTable<Agent, AgentEntities> Agents = [];
    private static readonly ConcurrentDictionary<(string TenantId, string Name), ToolEntities> Tools = new();

    /// <summary>The entities of <paramref name="agent"/> in tenant <paramref name="tenantId"/>.</summary>
    public static AgentEntities Agent(Agent agent, string tenantId)
    {
        if (Agents.TryGetValue(agent, out var cached) && string.Equals(cached.TenantId, tenantId, StringComparison.Ordinal))
        {
            return cached;
        }

        var built = AgentEntities.Build(agent, tenantId);
        Agents.AddOrUpdate(agent, built);
        return built;
    }

    /// <summary>The entities of <paramref name="tool"/> in tenant <paramref name="tenantId"/>.</summary>
    public static ToolEntities Tool(ToolFacts tool, string tenantId)
    {
        var key = (tenantId, tool.Name);
        if (Tools.TryGetValue(key, out var cached) && cached.Describes(tool))
        {
            return cached;
        }

        var built = ToolEntities.Build(tool, tenantId);
        if (Tools.Count >= MaxTools)
        {
            Tools.Clear();
        }

        Tools[key] = built;
        return built;
    }

    internal static Dictionary<string, CedarValue> Attributes(int capacity) => new(capacity, StringComparer.Ordinal);

    internal static SetValue Strings(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return SetValue.Empty;
        }

        var items = new CedarValue[values.Count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = new StringValue(values[i]);
        }

        return SetValue.Of(items);
    }
}
