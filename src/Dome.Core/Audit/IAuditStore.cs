namespace Dome.Core.Audit;

/// <summary>The audit trail: one event per (tenant, event id); a later <see cref="AuditEvent.Stage"/> replaces an earlier one.</summary>
public interface IAuditStore
{
    /// <summary>Stores the event; false when the tenant already has that id at the same or a later stage (a redelivery).</summary>
    Task<bool> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>The events matching <paramref name="query"/>, newest first.</summary>
    /// <exception cref="Errors.DomeException">The continuation token is not one this store issued for this query.</exception>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}
