using Dome.Core.Audit;

namespace Dome.Functions.Tests.Gateway;

/// <summary>
/// The real audit sink (the <c>dome-audit</c> queue), refusing events like an unreachable queue while
/// <see cref="Switch.Down"/>; while <paramref name="completedOutage"/> is down it refuses only completed-stage events,
/// as if the process died between forwarding a call and writing its outcome.
/// </summary>
internal sealed class FaultyAuditSink(IAuditSink inner, Switch outage, Switch? completedOutage = null) : IAuditSink
{
    public ValueTask WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        outage.ThrowIfDown("the audit queue");
        if (auditEvent.Stage == AuditStages.Completed)
        {
            completedOutage?.ThrowIfDown("the audit queue");
        }

        return inner.WriteAsync(auditEvent, cancellationToken);
    }
}
