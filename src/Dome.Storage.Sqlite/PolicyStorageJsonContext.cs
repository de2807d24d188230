using System.Text.Json.Serialization;

namespace Dome.Storage.Sqlite;

/// <summary>JSON columns of the policy, approval and audit tables.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class PolicyStorageJsonContext : JsonSerializerContext;
