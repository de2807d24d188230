using Dome.Core.Queues;

namespace Dome.Core.Audit;

/// <summary>
/// The <c>audit</c> queue function: one message (one event, or a batch from <see cref="BatchingAuditSink"/>) → its
/// events stored at once (a redelivery is stored once). While the
/// audit store is down the function fails, the host retries, and after its last try the message waits in
/// <c>dome-audit-poison</c>; the first delivery that succeeds once the store is back also moves those waiting
/// events into the store, so no accepted event is lost.
/// </summary>
public sealed class AuditProcessor(IAuditStore store, IMessageQueue queue)
{
    /// <summary>How many parked events one successful delivery moves back (the rest follow with the next ones).</summary>
    public const int RecoverPerDelivery = 100;

    /// <returns>The message's events, now stored.</returns>
    /// <exception cref="System.Text.Json.JsonException">The message is not an audit event (it goes to the poison queue).</exception>
    public Task<IReadOnlyList<AuditEvent>> ProcessAsync(string body, CancellationToken cancellationToken) =>
        ProcessManyAsync([body], cancellationToken);

    /// <summary>
    /// Several messages at once: their events go to the store in one append (one commit embedded). A call's event
    /// superseded by a later stage of the same call in the same batch is not written (the store would replace it).
    /// </summary>
    /// <returns>The messages' events, now stored (without the superseded ones).</returns>
    /// <exception cref="System.Text.Json.JsonException">One of the messages is not an audit event; nothing was stored.</exception>
    public async Task<IReadOnlyList<AuditEvent>> ProcessManyAsync(IReadOnlyList<string> bodies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        var auditEvents = Latest(bodies.SelectMany(AuditJson.DeserializeMessage).ToArray());
        await store.AppendManyAsync(auditEvents, cancellationToken).ConfigureAwait(false);
        await RecoverParkedAsync(cancellationToken).ConfigureAwait(false);
        return auditEvents;
    }

    /// <summary>Each (tenant, id) once, at its latest stage, in the order the events came.</summary>
    private static IReadOnlyList<AuditEvent> Latest(IReadOnlyList<AuditEvent> auditEvents)
    {
        if (auditEvents.Count < 2)
        {
            return auditEvents;
        }

        var latest = new Dictionary<(string TenantId, string Id), int>(auditEvents.Count);
        var kept = new List<AuditEvent>(auditEvents.Count);
        foreach (var auditEvent in auditEvents)
        {
            if (!latest.TryGetValue((auditEvent.TenantId, auditEvent.Id), out var index))
            {
                latest[(auditEvent.TenantId, auditEvent.Id)] = kept.Count;
                kept.Add(auditEvent);
            }
            else if (auditEvent.Stage > kept[index].Stage)
            {
                kept[index] = auditEvent;
            }
        }

        return kept;
    }

    /// <summary>Moves events parked in <c>dome-audit-poison</c> into the store; unreadable ones stay parked.</summary>
    public async Task<int> RecoverParkedAsync(CancellationToken cancellationToken)
    {
        var poison = QueueNames.Poison(QueueNames.Audit);
        int moved = 0;
        if ((await queue.PeekAsync(poison, 1, cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            // Nothing parked (the usual case): a peek, not a receive, so no write per delivery.
            return 0;
        }

        for (int i = 0; i < RecoverPerDelivery; i++)
        {
            var message = await queue.ReceiveAsync(poison, TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                break;
            }

            IReadOnlyList<AuditEvent> parked;
            try
            {
                parked = AuditJson.DeserializeMessage(message.Body);
            }
            catch (System.Text.Json.JsonException)
            {
                continue;
            }

            await store.AppendManyAsync(parked, cancellationToken).ConfigureAwait(false);
            await queue.DeleteAsync(poison, message.Id, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            moved++;
        }

        return moved;
    }
}
