using Dome.Cedar;
using Dome.Cedar.Evaluation;
using Dome.Core.Registry;

namespace Dome.Gateway.Policy;

/// <summary>An agent as Cedar sees it: the principal's uid and the store of the agent, its workspace and the tenant. Immutable.</summary>
internal sealed class AgentEntities
{
    private Combined? lastCombined;

    private AgentEntities(string tenantId, EntityUid principal, EntityStore entities)
    {
        TenantId = tenantId;
        Principal = principal;
        Entities = entities;
    }

    public string TenantId { get; }

    public EntityUid Principal { get; }

    public EntityStore Entities { get; }

    /// <summary>
    /// These entities with <paramref name="tool"/>'s. The last combination is kept (an agent mostly calls the same tool
    /// again), so a repeated call allocates nothing for its entities.
    /// </summary>
    public EntityStore With(ToolEntities tool)
    {
        var last = Volatile.Read(ref lastCombined);
        if (last is not null && ReferenceEquals(last.Tool, tool))
        {
            return last.Entities;
        }

        var combined = EntityStore.Combine(Entities, tool.Entities);
        Volatile.Write(ref lastCombined, new Combined(tool, combined));
        return combined;
    }

    public static AgentEntities Build(Agent agent, string tenantId)
    {
        var principal = new EntityUid(CedarRequestBuilder.AgentType, agent.Id);
        var workspace = new EntityUid(CedarRequestBuilder.WorkspaceType, agent.Workspace);
        var tenant = new EntityUid(CedarRequestBuilder.TenantType, tenantId);
        var attributes = CedarEntityCache.Attributes(5);
        attributes["name"] = new StringValue(agent.Name);
        attributes["tier"] = new StringValue(WireNames.Of(agent.Tier));
        attributes["owner"] = new StringValue(agent.Owner);
        attributes["workspace"] = new StringValue(agent.Workspace);
        attributes["status"] = new StringValue(WireNames.Of(agent.Status));
        var entities = new EntityStoreBuilder(3)
            .Add(principal, attributes, workspace)
            .Add(workspace, CedarEntityCache.Attributes(0), tenant)
            .Add(tenant, CedarEntityCache.Attributes(0))
            .Build();
        return new AgentEntities(tenantId, principal, entities);
    }

    private sealed record Combined(ToolEntities Tool, EntityStore Entities);
}
