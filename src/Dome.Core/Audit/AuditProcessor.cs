namespace Dome.Core.Audit;

/// <summary>The <c>audit</c> queue function: one message → one stored event (a redelivery is stored once).</summary>
public sealed class AuditProcessor(IAuditStore store)
{
    /// <exception cref="System.Text.Json.JsonException">The message is not an audit event (it goes to the poison queue).</exception>
    public async Task ProcessAsync(string body, CancellationToken cancellationToken)
    {
        var auditEvent = AuditJson.Deserialize(body);
        await store.AppendAsync(auditEvent, cancellationToken).ConfigureAwait(false);
    }
}
