namespace Dome.Core.Audit;

/// <summary>The audit trail: one event per (tenant, event id); a later <see cref="AuditEvent.Stage"/> replaces an earlier one.</summary>
public interface IAuditStore
{
    /// <summary>Stores the event; false when the tenant already has that id at the same or a later stage (a redelivery).</summary>
    Task<bool> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a batch (one queue message's events) as <see cref="AppendAsync"/> would each; how many were new or
    /// advanced. Adapters that can write a batch at once (one transaction) override this.
    /// </summary>
    async Task<int> AppendManyAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvents);
        var stored = 0;
        foreach (var auditEvent in auditEvents)
        {
            stored += await AppendAsync(auditEvent, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return stored;
    }

    /// <summary>The events matching <paramref name="query"/>, newest first.</summary>
    /// <exception cref="Errors.DomeException">The continuation token is not one this store issued for this query.</exception>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}
