namespace Dome.Functions.Contracts;

/// <summary>The answer to <c>POST /v1/check</c>: the decision and why, without calling the tool.</summary>
internal sealed record CheckView
{
    public required string Decision { get; init; }

    public required string CallId { get; init; }

    /// <summary>The failure code for deny/escalate (<c>policy_denied</c>, <c>escalated</c>, <c>tool_not_declared</c>, …).</summary>
    public required string? Code { get; init; }

    /// <summary>For allow, the permitting policies; otherwise the sentence saying why.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    public required IReadOnlyList<string> PolicyIds { get; init; }

    public required string? ApprovalId { get; init; }

    public required int? RetryAfter { get; init; }
}
