using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dome.Core.Audit;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditEvent))]
[JsonSerializable(typeof(AuditEvent[]))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
