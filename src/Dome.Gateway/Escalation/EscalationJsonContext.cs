using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dome.Gateway.Escalation;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JudgeRequest))]
[JsonSerializable(typeof(JudgeResponse))]
internal sealed partial class EscalationJsonContext : JsonSerializerContext;
