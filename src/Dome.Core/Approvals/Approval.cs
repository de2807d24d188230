namespace Dome.Core.Approvals;

/// <summary>
/// A call held by an <c>@escalate</c> policy, waiting for a person or the judge. It is bound to the agent, the
/// end user, the tool and the SHA-256 of the canonical JSON of the arguments: a retry that differs in any of
/// them does not match. It lapses at <see cref="ExpiresAt"/> whatever its status.
/// </summary>
public sealed record Approval
{
    /// <summary>`apr_` and 26 random base32 characters.</summary>
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string AgentId { get; init; }

    /// <summary>The end user's subject, or null for a call without one.</summary>
    public string? UserId { get; init; }

    /// <summary>`connection/operation`.</summary>
    public required string Tool { get; init; }

    /// <summary>`sha256:` and the lowercase hex digest of the arguments' canonical JSON.</summary>
    public required string ArgumentsHash { get; init; }

    /// <summary>The <c>@escalate</c> reasons of the policies that held the call.</summary>
    public required string Reason { get; init; }

    /// <summary>The ids of the policies that held the call.</summary>
    public required IReadOnlyList<string> PolicyIds { get; init; }

    /// <summary>The intent the agent gave (shown to the approver; never the arguments).</summary>
    public string? Intent { get; init; }

    public required ApprovalStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Who decided: an administrator's actor id, or `judge`.</summary>
    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>The approver's note.</summary>
    public string? Comment { get; init; }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
