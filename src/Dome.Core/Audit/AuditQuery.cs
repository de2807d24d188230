namespace Dome.Core.Audit;

/// <summary>A filter over one tenant's audit events; every set member must match. Results are newest first.</summary>
public sealed record AuditQuery
{
    public required string TenantId { get; init; }

    /// <summary>The agent's id or name.</summary>
    public string? Agent { get; init; }

    public string? UserId { get; init; }

    public string? Tool { get; init; }

    public string? Decision { get; init; }

    /// <summary>Inclusive lower bound of <see cref="AuditEvent.Time"/>.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Exclusive upper bound of <see cref="AuditEvent.Time"/>.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Page size, 1..1000.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>The token of the previous page, or null for the first.</summary>
    public string? ContinuationToken { get; init; }
}
