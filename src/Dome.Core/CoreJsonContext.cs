using System.Text.Json;
using System.Text.Json.Serialization;
using Dome.Core.Lifecycle;

namespace Dome.Core;

/// <summary>Source-generated JSON for the core's own messages.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(LifecycleMessage))]
internal sealed partial class CoreJsonContext : JsonSerializerContext;
