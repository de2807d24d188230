using System.Text.Json;

namespace Dome.Core.Audit;

/// <summary>The wire form of an audit event: on the <c>dome-audit</c> queue and in the audit store.</summary>
public static class AuditJson
{
    public static string Serialize(AuditEvent auditEvent) => JsonSerializer.Serialize(auditEvent, AuditJsonContext.Default.AuditEvent);

    /// <exception cref="JsonException">The text is not an audit event.</exception>
    public static AuditEvent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, AuditJsonContext.Default.AuditEvent) ?? throw new JsonException("audit event is null");
}
