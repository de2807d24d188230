using System.Text.Json.Serialization;

namespace Dome.Storage.Sqlite;

/// <summary>Source-generated JSON for the catalog's list columns.</summary>
[JsonSerializable(typeof(StoredParameter[]))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
