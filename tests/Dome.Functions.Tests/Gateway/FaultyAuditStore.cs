using Dome.Core.Audit;

namespace Dome.Functions.Tests.Gateway;

/// <summary>The real audit store, refusing writes like an unreachable store while <see cref="Switch.Down"/>.</summary>
internal sealed class FaultyAuditStore(IAuditStore inner, Switch outage) : IAuditStore
{
    public Task<bool> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        outage.ThrowIfDown("the audit store");
        return inner.AppendAsync(auditEvent, cancellationToken);
    }

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);
}
