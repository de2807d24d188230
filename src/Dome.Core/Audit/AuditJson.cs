using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Dome.Core.Audit;

/// <summary>
/// The wire form of audit events: in the audit store one event per row; on the <c>dome-audit</c> queue a message is
/// one event (a JSON object) or a batch of events (a JSON array, written by <see cref="BatchingAuditSink"/>).
/// </summary>
public static class AuditJson
{
    public static string Serialize(AuditEvent auditEvent) => JsonSerializer.Serialize(auditEvent, AuditJsonContext.Default.AuditEvent);

    public static byte[] SerializeToUtf8Bytes(AuditEvent auditEvent) => JsonSerializer.SerializeToUtf8Bytes(auditEvent, AuditJsonContext.Default.AuditEvent);

    /// <exception cref="JsonException">The text is not an audit event.</exception>
    public static AuditEvent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, AuditJsonContext.Default.AuditEvent) ?? throw new JsonException("audit event is null");

    /// <summary>
    /// A batch message (the events' UTF-8 JSON, from <see cref="SerializeToUtf8Bytes"/>, in a JSON array), as text:
    /// written into <paramref name="buffer"/>, which is cleared first and may be reused.
    /// </summary>
    public static string BatchMessage(IEnumerable<byte[]> events, ArrayBufferWriter<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Clear();
        buffer.Write("["u8);
        var first = true;
        foreach (var json in events)
        {
            if (!first)
            {
                buffer.Write(","u8);
            }

            buffer.Write(json);
            first = false;
        }

        buffer.Write("]"u8);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The events of one queue message: a single event or a batch.</summary>
    /// <exception cref="JsonException">The text is neither an audit event nor an array of them.</exception>
    public static IReadOnlyList<AuditEvent> DeserializeMessage(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!body.AsSpan().TrimStart().StartsWith("["))
        {
            return [Deserialize(body)];
        }

        var events = JsonSerializer.Deserialize(body, AuditJsonContext.Default.AuditEventArray) ?? throw new JsonException("audit batch is null");
        foreach (var auditEvent in events)
        {
            if (auditEvent is null)
            {
                throw new JsonException("an audit batch holds null");
            }
        }

        return events;
    }
}
