using System.Text.Json;
using Dome.Core.Registry;

namespace Dome.Core.Lifecycle;

/// <summary>The body of a <c>dome-lifecycle</c> message: one agent event to be processed.</summary>
public sealed record LifecycleMessage
{
    public required string TenantId { get; init; }

    public required string AgentId { get; init; }

    public required string AgentName { get; init; }

    public required string Workspace { get; init; }

    public required long Sequence { get; init; }

    public required string Kind { get; init; }

    public required string? From { get; init; }

    public required string To { get; init; }

    public required DateTimeOffset At { get; init; }

    public static LifecycleMessage Of(Agent agent, AgentEvent change) => Of(agent.TenantId, agent.Name, agent.Workspace, change);

    /// <summary>The message of <paramref name="change"/>, an event of the agent <paramref name="agentName"/> in the tenant's <paramref name="workspace"/>.</summary>
    public static LifecycleMessage Of(string tenantId, string agentName, string workspace, AgentEvent change) => new()
    {
        TenantId = tenantId,
        AgentId = change.AgentId,
        AgentName = agentName,
        Workspace = workspace,
        Sequence = change.Sequence,
        Kind = JsonNamingPolicy.KebabCaseLower.ConvertName(change.Kind.ToString()),
        From = change.From is { } from ? WireNames.Of(from) : null,
        To = WireNames.Of(change.To),
        At = change.At,
    };

    public string ToJson() => JsonSerializer.Serialize(this, CoreJsonContext.Default.LifecycleMessage);

    /// <summary>Reads a message body; null when it is not a well-formed lifecycle message.</summary>
    public static LifecycleMessage? TryParse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, CoreJsonContext.Default.LifecycleMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
