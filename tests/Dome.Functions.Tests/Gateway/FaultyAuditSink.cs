using Dome.Core.Audit;

namespace Dome.Functions.Tests.Gateway;

/// <summary>The real audit sink (the <c>dome-audit</c> queue), refusing events like an unreachable queue while <see cref="Switch.Down"/>.</summary>
internal sealed class FaultyAuditSink(IAuditSink inner, Switch outage) : IAuditSink
{
    public ValueTask WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        outage.ThrowIfDown("the audit queue");
        return inner.WriteAsync(auditEvent, cancellationToken);
    }
}
