namespace Dome.Gateway.Limits;

/// <summary>The limits an admin sets on one scope and name; a null member means no limit of that kind.</summary>
public sealed record LimitSettings
{
    public double? Rps { get; init; }

    public int? Burst { get; init; }

    public int? Concurrency { get; init; }

    public long? DailyQuota { get; init; }
}
