using System.Text.Json;

namespace Dome.Gateway.Escalation;

/// <summary>
/// The body Dome POSTs to the judge: the call's context (who, what, why, which policies held it) and its
/// arguments. Never a token, a credential or a secret: the judge sees what the policies saw.
/// </summary>
internal sealed record JudgeRequest
{
    public required string ApprovalId { get; init; }

    public required string TenantId { get; init; }

    public required JudgeAgent Agent { get; init; }

    public string? UserId { get; init; }

    public required string Tool { get; init; }

    public required string Risk { get; init; }

    public required JsonElement Arguments { get; init; }

    public string? Intent { get; init; }

    public required IReadOnlyList<string> Chain { get; init; }

    public required string Reason { get; init; }

    public required IReadOnlyList<string> PolicyIds { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
