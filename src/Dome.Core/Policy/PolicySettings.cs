namespace Dome.Core.Policy;

/// <summary>A tenant's escalation settings; every member null means Dome's default.</summary>
public sealed record PolicySettings
{
    /// <summary>The judge webhook (https, or http on loopback) that decides escalations instead of a person; null: none.</summary>
    public string? JudgeUrl { get; init; }

    /// <summary>How long the judge may take before the call is denied (default 2 s).</summary>
    public int? JudgeTimeoutMs { get; init; }

    /// <summary>How long an approval request stays valid (default 15 min).</summary>
    public int? ApprovalLifetimeSeconds { get; init; }

    public static PolicySettings None { get; } = new();
}
