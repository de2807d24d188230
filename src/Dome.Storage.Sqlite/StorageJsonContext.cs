using System.Text.Json.Serialization;

namespace Dome.Storage.Sqlite;

[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
