using System.Globalization;
using System.Text.Json;
using Dome.Cedar;
using Dome.Cedar.Evaluation;
using Dome.Core.Registry;

namespace Dome.Gateway.Policy;

/// <summary>
/// Builds the Cedar request and entities of one call (DESIGN.md "Dome's Cedar model"): principal
/// <c>Dome::Agent</c> (in its <c>Dome::Workspace</c>, in the <c>Dome::Tenant</c>), action
/// <c>Dome::Action::"call"</c>, resource <c>Dome::Tool</c> (in its <c>Dome::Connection</c>), and the context
/// <c>args</c>, <c>intent</c>, <c>chain</c>, <c>depth</c>, <c>user</c>, <c>approval</c>, <c>time</c>.
/// Per call it builds a handful of small entities as values; the policy set itself is never rebuilt.
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
        var principal = new EntityUid(AgentType, call.Agent.Id);
        var resource = new EntityUid(ToolType, call.Tool.Name);
        var context = new Dictionary<string, CedarValue>(8, StringComparer.Ordinal)
        {
            ["args"] = call.Arguments.ValueKind == JsonValueKind.Object ? CedarArguments.Convert(call.Arguments) : RecordValue.Empty,
            ["intent"] = new StringValue(call.Intent ?? string.Empty),
            ["chain"] = SetValue.Of(call.Chain.Select(id => (CedarValue)new EntityValue(new EntityUid(AgentType, id)))),
            ["depth"] = LongValue.Of(call.Chain.Count),
            ["time"] = CedarArguments.Datetime(now),
        };
        if (call.User is { } user)
        {
            context["user"] = new EntityValue(new EntityUid(UserType, user.Id));
        }

        if (approval is not null)
        {
            context["approval"] = new RecordValue(new Dictionary<string, CedarValue>(StringComparer.Ordinal)
            {
                ["id"] = new StringValue(approval.Id),
                ["by"] = new StringValue(approval.By),
                ["reason"] = new StringValue(approval.Reason),
            });
        }

        var request = new Request(principal, CallAction, resource, new RecordValue(context));
        return new CedarCall(request, Entities(call, principal, resource));
    }

    /// <summary>The call's entities, built as values (no JSON written and parsed per call).</summary>
    private static EntityStore Entities(ToolCallFacts call, EntityUid principal, EntityUid resource)
    {
        var agent = call.Agent;
        var tool = call.Tool;
        var workspace = new EntityUid(WorkspaceType, agent.Workspace);
        var tenant = new EntityUid(TenantType, call.TenantId);
        var connection = new EntityUid(ConnectionType, tool.Connection);
        var entities = new EntityStoreBuilder(6)
            .Add(principal, Attributes(
                ("name", new StringValue(agent.Name)),
                ("tier", new StringValue(WireNames.Of(agent.Tier))),
                ("owner", new StringValue(agent.Owner)),
                ("workspace", new StringValue(agent.Workspace)),
                ("status", new StringValue(WireNames.Of(agent.Status)))), workspace)
            .Add(workspace, Attributes(), tenant)
            .Add(tenant, Attributes())
            .Add(resource, Attributes(
                ("name", new StringValue(tool.Name)),
                ("connection", new StringValue(tool.Connection)),
                ("operation", new StringValue(tool.Operation)),
                ("tags", Strings(tool.Tags)),
                ("risk", new StringValue(tool.Risk))), connection)
            .Add(connection, Attributes(), tenant);

        if (call.User is { } user)
        {
            var attributes = Attributes(("groups", Strings(user.Groups)));
            if (user.Email is not null)
            {
                attributes["email"] = new StringValue(user.Email);
            }

            if (user.Customer is not null)
            {
                attributes["customer"] = new StringValue(user.Customer);
            }

            entities.Add(new EntityUid(UserType, user.Id), attributes);
        }

        return entities.Build();
    }

    private static Dictionary<string, CedarValue> Attributes(params ReadOnlySpan<(string Name, CedarValue Value)> attributes)
    {
        var result = new Dictionary<string, CedarValue>(attributes.Length, StringComparer.Ordinal);
        foreach (var (name, value) in attributes)
        {
            result[name] = value;
        }

        return result;
    }

    private static SetValue Strings(IReadOnlyList<string> values) => SetValue.Of(values.Select(v => (CedarValue)new StringValue(v)));

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
