using Dome.Core.Audit;

namespace Dome.Functions.Contracts;

/// <summary>One page of <c>GET /v1/audit</c>; pass <see cref="ContinuationToken"/> back as <c>continuationToken</c> for the next.</summary>
internal sealed record AuditPageView
{
    public required IReadOnlyList<AuditEvent> Events { get; init; }

    public string? ContinuationToken { get; init; }
}
