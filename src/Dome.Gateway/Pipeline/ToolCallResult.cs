using System.Text.Json;

namespace Dome.Gateway.Pipeline;

/// <summary>What the tool answered, after output governance: status, the filtered headers and the body.</summary>
public sealed record ToolCallResult
{
    public required int Status { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The body: parsed JSON when the upstream sent JSON, else a string (null when empty).</summary>
    public required JsonElement? Body { get; init; }
}
