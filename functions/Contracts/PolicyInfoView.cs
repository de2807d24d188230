using Dome.Gateway.Policy;

namespace Dome.Functions.Contracts;

/// <summary>One policy of the live set.</summary>
internal sealed record PolicyInfoView
{
    public required string Id { get; init; }

    public required string File { get; init; }

    /// <summary>`permit` or `forbid`.</summary>
    public required string Effect { get; init; }

    public string? Escalate { get; init; }

    public IReadOnlyList<string>? Redact { get; init; }

    public static PolicyInfoView Of(Cedar.Policy policy, PolicyInfo info) => new()
    {
        Id = info.Id,
        File = info.File,
        Effect = policy.Effect == Cedar.Effect.Permit ? "permit" : "forbid",
        Escalate = info.EscalateReason,
        Redact = info.Redactions.Count > 0 ? info.Redactions : null,
    };
}
