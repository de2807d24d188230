namespace Dome.Core.Registry;

/// <summary>One appended change to an agent, kept for audit.</summary>
public sealed record AgentEvent
{
    /// <summary>Position in the agent's history, starting at 1.</summary>
    public required long Sequence { get; init; }

    public required string AgentId { get; init; }

    public required AgentEventKind Kind { get; init; }

    public required AgentStatus? From { get; init; }

    public required AgentStatus To { get; init; }

    /// <summary>Who made the change (an admin key id, or "operator").</summary>
    public required string Actor { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>When the <c>lifecycle</c> function processed the event's queue message, if it has.</summary>
    public DateTimeOffset? ProcessedAt { get; init; }
}
