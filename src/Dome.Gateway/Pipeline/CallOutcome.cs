namespace Dome.Gateway.Pipeline;

/// <summary>How one call (or check) ended: the result of an allowed call, or the failure and what the caller needs to know about it.</summary>
public sealed record CallOutcome
{
    public required string CallId { get; init; }

    public required CallFailure Failure { get; init; }

    /// <summary><c>allow</c>, <c>deny</c>, <c>escalate</c> or <c>error</c>.</summary>
    public required string Decision { get; init; }

    /// <summary>Why it failed, a sentence safe to show the caller (names rules and paths, never values or secrets).</summary>
    public string? Message { get; init; }

    /// <summary>The determining policies (permits for allow, forbids for deny/escalate).</summary>
    public IReadOnlyList<string> PolicyIds { get; init; } = [];

    public string? PolicyVersion { get; init; }

    public string? ApprovalId { get; init; }

    /// <summary>For a rate-limited call: seconds until a retry can pass.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>For invalid arguments: where the arguments break the schema (<c>$.amount: must be ≤ 100</c>).</summary>
    public IReadOnlyList<string> Violations { get; init; } = [];

    /// <summary>For an allowed call: the tool's answer.</summary>
    public ToolCallResult? Result { get; init; }

    public bool IsAllowed => Failure == CallFailure.None;
}
