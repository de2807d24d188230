namespace Dome.Core.Audit;

/// <summary>One page of audit events; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record AuditPage
{
    public required IReadOnlyList<AuditEvent> Events { get; init; }

    public string? ContinuationToken { get; init; }
}
