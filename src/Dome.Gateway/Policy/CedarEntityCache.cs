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
/// field by field, so a changed catalog entry rebuilds it; an act-as user's likewise, checked against the token's
/// claims. Thread-safe; a call combines them without copying
/// (<see cref="EntityStore.Combine"/>).
/// </summary>
internal static class CedarEntityCache
{
    /// <summary>At most this many tools are kept; beyond, the cache starts over (tools come from the catalog, so few).</summary>
    public const int MaxTools = 4096;

    /// <summary>At most this many act-as users are kept; beyond, the cache starts over.</summary>
    public const int MaxUsers = 16_384;

    private static readonly ConditionalWeakTable<Agent, AgentEntities> Agents = [];
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ToolEntities>> Tools = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, UserEntities>> Users = new(StringComparer.Ordinal);
    private static int toolCount;
    private static int userCount;

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
        var tenantTools = Of(Tools, tenantId);
        if (tenantTools.TryGetValue(tool.Name, out var cached) && cached.Describes(tool))
        {
            return cached;
        }

        var built = ToolEntities.Build(tool, tenantId);
        Remember(Tools, ref toolCount, MaxTools, tenantTools, tool.Name, built);
        return built;
    }

    /// <summary>The entities of an act-as call's <paramref name="user"/> in tenant <paramref name="tenantId"/>.</summary>
    public static UserEntities User(UserFacts user, string tenantId)
    {
        var tenantUsers = Of(Users, tenantId);
        if (tenantUsers.TryGetValue(user.Id, out var cached) && cached.Describes(user))
        {
            return cached;
        }

        var built = UserEntities.Build(user);
        Remember(Users, ref userCount, MaxUsers, tenantUsers, user.Id, built);
        return built;
    }

    internal static bool SameStrings(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static ConcurrentDictionary<string, T> Of<T>(ConcurrentDictionary<string, ConcurrentDictionary<string, T>> cache, string tenantId) =>
        cache.TryGetValue(tenantId, out var tenant) ? tenant : cache.GetOrAdd(tenantId, static _ => new ConcurrentDictionary<string, T>(StringComparer.Ordinal));

    private static void Remember<T>(ConcurrentDictionary<string, ConcurrentDictionary<string, T>> cache, ref int count, int max, ConcurrentDictionary<string, T> tenant, string key, T value)
    {
        if (Interlocked.Increment(ref count) > max)
        {
            // :: Crude but bounded: start over (the count is approximate under races; the bound holds within a few entries).
            cache.Clear();
            Volatile.Write(ref count, 1);
        }

        tenant[key] = value;
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
