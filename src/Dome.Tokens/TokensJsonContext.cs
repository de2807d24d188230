using System.Text.Json;
using System.Text.Json.Serialization;
using Dome.Tokens.Keys;

namespace Dome.Tokens;

/// <summary>Source-generated JSON for what the token library writes itself.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectRequiredConstructorParameters = true, WriteIndented = true)]
[JsonSerializable(typeof(StoredSigningKeys))]
internal sealed partial class TokensJsonContext : JsonSerializerContext;
