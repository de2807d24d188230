using System.Buffers;
using System.Globalization;
using System.Text;
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
/// Per call it writes a handful of small entities; the policy set itself is never rebuilt.
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
        return new CedarCall(request, EntityStore.FromJson(EntitiesJson(call)));
    }

    private static string EntitiesJson(ToolCallFacts call)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            var agent = call.Agent;
            w.WriteStartArray();
            Entity(w, AgentType, agent.Id, (WorkspaceType, agent.Workspace));
            w.WriteString("name", agent.Name);
            w.WriteString("tier", WireNames.Of(agent.Tier));
            w.WriteString("owner", agent.Owner);
            w.WriteString("workspace", agent.Workspace);
            w.WriteString("status", WireNames.Of(agent.Status));
            End(w);

            Entity(w, WorkspaceType, agent.Workspace, (TenantType, call.TenantId));
            End(w);
            Entity(w, TenantType, call.TenantId, null);
            End(w);

            var tool = call.Tool;
            Entity(w, ToolType, tool.Name, (ConnectionType, tool.Connection));
            w.WriteString("name", tool.Name);
            w.WriteString("connection", tool.Connection);
            w.WriteString("operation", tool.Operation);
            Strings(w, "tags", tool.Tags);
            w.WriteString("risk", tool.Risk);
            End(w);
            Entity(w, ConnectionType, tool.Connection, (TenantType, call.TenantId));
            End(w);

            if (call.User is { } user)
            {
                Entity(w, UserType, user.Id, null);
                if (user.Email is not null)
                {
                    w.WriteString("email", user.Email);
                }

                Strings(w, "groups", user.Groups);
                if (user.Customer is not null)
                {
                    w.WriteString("customer", user.Customer);
                }

                End(w);
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Entity(Utf8JsonWriter w, string type, string id, (string Type, string Id)? parent)
    {
        w.WriteStartObject();
        w.WriteStartObject("uid");
        w.WriteString("type", type);
        w.WriteString("id", id);
        w.WriteEndObject();
        w.WriteStartArray("parents");
        if (parent is { } p)
        {
            w.WriteStartObject();
            w.WriteString("type", p.Type);
            w.WriteString("id", p.Id);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("attrs");
    }

    private static void End(Utf8JsonWriter w)
    {
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
