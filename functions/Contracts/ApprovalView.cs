using Dome.Core.Approvals;

namespace Dome.Functions.Contracts;

/// <summary>An approval request as administrators see it (the arguments' hash, never their values).</summary>
internal sealed record ApprovalView
{
    public required string Id { get; init; }

    public required string Status { get; init; }

    public required string AgentId { get; init; }

    public string? UserId { get; init; }

    public required string Tool { get; init; }

    public required string ArgumentsHash { get; init; }

    public required string Reason { get; init; }

    public required IReadOnlyList<string> PolicyIds { get; init; }

    public string? Intent { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required bool Expired { get; init; }

    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? Comment { get; init; }

    public static ApprovalView Of(Approval a, DateTimeOffset now) => new()
    {
        Id = a.Id,
        Status = ApprovalStatusNames.Of(a.Status),
        AgentId = a.AgentId,
        UserId = a.UserId,
        Tool = a.Tool,
        ArgumentsHash = a.ArgumentsHash,
        Reason = a.Reason,
        PolicyIds = a.PolicyIds,
        Intent = a.Intent,
        CreatedAt = a.CreatedAt,
        ExpiresAt = a.ExpiresAt,
        Expired = a.IsExpired(now),
        DecidedBy = a.DecidedBy,
        DecidedAt = a.DecidedAt,
        Comment = a.Comment,
    };
}
