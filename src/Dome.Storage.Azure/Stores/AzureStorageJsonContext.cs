using System.Text.Json.Serialization;

namespace Dome.Storage.Azure.Stores;

/// <summary>Source-generated JSON for list-valued properties of stored entities.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(StoredToolParameter[]))]
internal sealed partial class AzureStorageJsonContext : JsonSerializerContext;
