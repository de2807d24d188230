using System.Text.Json.Serialization;

namespace Dome.Storage.Azure.Stores;

/// <summary>The JSON properties of the policy and approval tables.</summary>
[JsonSerializable(typeof(PolicyContent))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class AzurePolicyJsonContext : JsonSerializerContext;
