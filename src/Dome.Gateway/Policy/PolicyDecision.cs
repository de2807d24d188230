namespace Dome.Gateway.Policy;

/// <summary>
/// The policy step's answer for one call. <see cref="PolicyIds"/> are the determining policies (the permits
/// that allowed, or the forbids that denied or escalated; empty for a default deny), by their <c>@id</c>.
/// </summary>
internal sealed record PolicyDecision
{
    public required PolicyOutcome Outcome { get; init; }

    public required IReadOnlyList<string> PolicyIds { get; init; }

    /// <summary>The content hash of the policy set version that decided.</summary>
    public required string PolicyVersion { get; init; }

    /// <summary>For <see cref="PolicyOutcome.Escalate"/>: the <c>@escalate</c> reasons, joined with `; `.</summary>
    public string? EscalationReason { get; init; }

    /// <summary>
    /// For escalate: the pending approval the caller may retry with. For allow: the approval that let the call
    /// through (from the retry's <c>approvalId</c>, or granted by the judge).
    /// </summary>
    public string? ApprovalId { get; init; }

    /// <summary>For allow: JSON paths from the <c>@redact</c> annotations of the determining permits, to add to the output rules.</summary>
    public IReadOnlyList<string> Redactions { get; init; } = [];

    /// <summary>Policies that failed to evaluate. Any failure denies (fail closed), naming them here.</summary>
    public IReadOnlyList<string> ErroredPolicyIds { get; init; } = [];

    /// <summary>A stable code for why a deny happened: <see cref="PolicyDenyReasons"/>.</summary>
    public string? DenyReason { get; init; }

    public bool IsAllowed => Outcome == PolicyOutcome.Allow;
}
