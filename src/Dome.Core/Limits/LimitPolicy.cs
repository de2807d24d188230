namespace Dome.Core.Limits;

/// <summary>
/// The limits of one scope and name in a tenant. A null member means no limit of that kind.
/// <see cref="Name"/> is an agent name, a customer id, a tool (<c>zendesk/create_ticket</c>) or a
/// connection (<c>zendesk</c>: all its tools together), <c>*</c> for "each one without a limit of its own",
/// and <c>*</c> for the tenant scope.
/// </summary>
public sealed record LimitPolicy
{
    public required string TenantId { get; init; }

    public required LimitScope Scope { get; init; }

    public required string Name { get; init; }

    /// <summary>Sustained requests per second (token bucket refill rate).</summary>
    public required double? RequestsPerSecond { get; init; }

    /// <summary>Bucket size: requests allowed at once after a quiet period. Defaults to the rate, at least 1.</summary>
    public required int? Burst { get; init; }

    /// <summary>Calls in flight at the same time.</summary>
    public required int? Concurrency { get; init; }

    /// <summary>Calls per UTC day; the count survives a restart.</summary>
    public required long? DailyQuota { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required string UpdatedBy { get; init; }
}
