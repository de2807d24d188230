using System.Text.Json;
using Dome.Cedar;
using Dome.Cedar.Evaluation;

namespace Dome.Gateway.Policy;

/// <summary>
/// Builds the Cedar request and entities of one call (DESIGN.md "Dome's Cedar model"): principal
/// <c>Dome::Agent</c> (in its <c>Dome::Workspace</c>, in the <c>Dome::Tenant</c>), action
/// <c>Dome::Action::"call"</c>, resource <c>Dome::Tool</c> (in its <c>Dome::Connection</c>), and the context
/// <c>args</c>, <c>intent</c>, <c>chain</c>, <c>depth</c>, <c>user</c>, <c>approval</c>, <c>time</c>.
/// The agent's, the tool's and the user's entities come from <see cref="CedarEntityCache"/>; per call only the context
/// is built, as values; the policy set itself is never rebuilt.
/// </summary>
internal static class CedarRequestBuilder
{
    public const string AgentType = "Dome::Agent";
    public const string ToolType = "Dome::Tool";
    public const string UserType = "Dome::User";
    public const string WorkspaceType = "Dome::Workspace";
    public const string ConnectionType = "Dome::Connection";
    public const string TenantType = "Dome::Tenant";

    public static EntityUid CallAction { get; } = new("Dome::Action", "call");

    /// <exception cref="PolicyInputException">The arguments cannot be represented in Cedar (e.g. a duplicate key).</exception>
    public static CedarCall Build(ToolCallFacts call, ApprovalGrant? approval, DateTimeOffset now)
    {
        var agent = CedarEntityCache.Agent(call.Agent, call.TenantId);
        var tool = CedarEntityCache.Tool(call.Tool, call.TenantId);
        var context = new Dictionary<string, CedarValue>(7, StringComparer.Ordinal)
        {
            ["args"] = call.Arguments.ValueKind == JsonValueKind.Object ? CedarArguments.Convert(call.Arguments) : RecordValue.Empty,
            ["intent"] = call.Intent is { Length: > 0 } intent ? new StringValue(intent) : StringValue.Empty,
            ["chain"] = Chain(call.Chain),
            ["depth"] = LongValue.Of(call.Chain.Count),
            ["time"] = CedarArguments.Datetime(now),
        };

        EntityStore entities;
        if (call.User is { } facts)
        {
            var user = CedarEntityCache.User(facts, call.TenantId);
            context["user"] = user.Value;
            entities = EntityStore.Combine(agent.Entities, tool.Entities, user.Entities);
        }
        else
        {
            entities = agent.With(tool);
        }

        if (approval is not null)
        {
            var granted = CedarEntityCache.Attributes(3);
            granted["id"] = new StringValue(approval.Id);
            granted["by"] = new StringValue(approval.By);
            granted["reason"] = new StringValue(approval.Reason);
            context["approval"] = RecordValue.FromDictionary(granted);
        }

        var request = new Request(agent.Principal, CallAction, tool.Resource, RecordValue.FromDictionary(context));
        return new CedarCall(request, entities);
    }

    private static SetValue Chain(IReadOnlyList<string> chain)
    {
        if (chain.Count == 0)
        {
            return SetValue.Empty;
        }

        var agents = new CedarValue[chain.Count];
        for (int i = 0; i < agents.Length; i++)
        {
            agents[i] = new EntityValue(new EntityUid(AgentType, chain[i]));
        }

        return SetValue.Of(agents);
    }
}
