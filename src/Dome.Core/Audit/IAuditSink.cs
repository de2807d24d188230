namespace Dome.Core.Audit;

/// <summary>
/// Where the gateway hands an audit event. Completing means the event is durably on its way to the audit store
/// (on the <c>dome-audit</c> queue); throwing means it is not, and the caller must not let the call proceed.
/// </summary>
public interface IAuditSink
{
    ValueTask WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}
