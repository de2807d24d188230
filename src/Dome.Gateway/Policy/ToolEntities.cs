using Dome.Cedar;
using Dome.Cedar.Evaluation;

namespace Dome.Gateway.Policy;

/// <summary>
/// A tool as Cedar sees it: the resource's uid and the store of the tool and its connection (whose parent, the tenant,
/// comes with the agent's entities). Immutable; <see cref="Describes"/> tells whether a call's facts are still these.
/// </summary>
internal sealed class ToolEntities
{
    private readonly ToolFacts facts;

    private ToolEntities(ToolFacts facts, EntityUid resource, EntityStore entities)
    {
        this.facts = facts;
        Resource = resource;
        Entities = entities;
    }

    public EntityUid Resource { get; }

    public EntityStore Entities { get; }

    public static ToolEntities Build(ToolFacts tool, string tenantId)
    {
        var resource = new EntityUid(CedarRequestBuilder.ToolType, tool.Name);
        var connection = new EntityUid(CedarRequestBuilder.ConnectionType, tool.Connection);
        var attributes = CedarEntityCache.Attributes(5);
        attributes["name"] = new StringValue(tool.Name);
        attributes["connection"] = new StringValue(tool.Connection);
        attributes["operation"] = new StringValue(tool.Operation);
        attributes["tags"] = CedarEntityCache.Strings(tool.Tags);
        attributes["risk"] = new StringValue(tool.Risk);
        var entities = new EntityStoreBuilder(2)
            .Add(resource, attributes, connection)
            .Add(connection, CedarEntityCache.Attributes(0), new EntityUid(CedarRequestBuilder.TenantType, tenantId))
            .Build();

        // :: Keep a copy of the facts with their own tag list, so a caller changing its list cannot make a stale entry look current.
        return new ToolEntities(tool with { Tags = [.. tool.Tags] }, resource, entities);
    }

    /// <summary>Whether <paramref name="tool"/> (of the same tenant) has exactly the facts these entities were built from.</summary>
    public bool Describes(ToolFacts tool) =>
        string.Equals(tool.Name, facts.Name, StringComparison.Ordinal)
        && string.Equals(tool.Connection, facts.Connection, StringComparison.Ordinal)
        && string.Equals(tool.Operation, facts.Operation, StringComparison.Ordinal)
        && string.Equals(tool.Risk, facts.Risk, StringComparison.Ordinal)
        && CedarEntityCache.SameStrings(tool.Tags, facts.Tags);
}
