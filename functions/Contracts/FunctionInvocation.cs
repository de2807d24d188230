using System.Text.Json;

namespace Dome.Functions.Contracts;

/// <summary>What the Functions host (or the embedded dispatcher) POSTs to a custom handler: <c>{Data, Metadata}</c>.</summary>
internal sealed record FunctionInvocation
{
    public Dictionary<string, JsonElement>? Data { get; init; }

    public Dictionary<string, JsonElement>? Metadata { get; init; }
}
