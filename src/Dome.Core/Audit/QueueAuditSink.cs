using Dome.Core.Queues;

namespace Dome.Core.Audit;

/// <summary>Puts audit events on the <c>dome-audit</c> queue; the <c>audit</c> function moves them into the audit store.</summary>
public sealed class QueueAuditSink(IMessageQueue queue) : IAuditSink
{
    public async ValueTask WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        await queue.SendAsync(QueueNames.Audit, AuditJson.Serialize(auditEvent), cancellationToken).ConfigureAwait(false);
    }
}
