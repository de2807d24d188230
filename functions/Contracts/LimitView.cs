using Dome.Core.Limits;

namespace Dome.Functions.Contracts;

/// <summary>One limit as the admin API shows it.</summary>
internal sealed record LimitView
{
    public required string Scope { get; init; }

    public required string Name { get; init; }

    public double? Rps { get; init; }

    public int? Burst { get; init; }

    public int? Concurrency { get; init; }

    public long? DailyQuota { get; init; }

    /// <summary>Calls counted today on the daily quota (blocks reserved by running instances included).</summary>
    public long? UsedToday { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string UpdatedBy { get; init; }

    public static LimitView Of(LimitPolicy policy, long? usedToday = null) => new()
    {
        Scope = LimitScopes.Of(policy.Scope),
        Name = policy.Name,
        Rps = policy.RequestsPerSecond,
        Burst = policy.Burst,
        Concurrency = policy.Concurrency,
        DailyQuota = policy.DailyQuota,
        UsedToday = usedToday,
        UpdatedAt = policy.UpdatedAt,
        UpdatedBy = policy.UpdatedBy,
    };
}
