using System.Text.Json;
using Dome.Core.Registry;

namespace Dome.Functions.Contracts;

/// <summary>One entry of an agent's history.</summary>
internal sealed record AgentEventView
{
    public required long Sequence { get; init; }

    /// <summary><c>registered</c>, <c>activated</c>, <c>suspended</c>, <c>resumed</c>, <c>revoked</c> or <c>key-rotated</c>.</summary>
    public required string Event { get; init; }

    public required string? From { get; init; }

    public required string To { get; init; }

    public required string Actor { get; init; }

    public required DateTimeOffset At { get; init; }

    public required DateTimeOffset? ProcessedAt { get; init; }

    public static AgentEventView Of(AgentEvent change) => new()
    {
        Sequence = change.Sequence,
        Event = JsonNamingPolicy.KebabCaseLower.ConvertName(change.Kind.ToString()),
        From = change.From is { } from ? WireNames.Of(from) : null,
        To = WireNames.Of(change.To),
        Actor = change.Actor,
        At = change.At,
        ProcessedAt = change.ProcessedAt,
    };
}
