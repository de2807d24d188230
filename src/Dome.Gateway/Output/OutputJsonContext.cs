using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dome.Gateway.Output;

/// <summary>Source-generated JSON for the output rules document; unknown members are errors, so typos are caught.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(OutputRules))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;
