namespace Dome.Gateway.Forwarding;

/// <summary>The upstream's answer, read whole (within the cap): status, the headers the agent may see, content type and body.</summary>
internal sealed record UpstreamResponse
{
    public required int Status { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string? ContentType { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }
}
