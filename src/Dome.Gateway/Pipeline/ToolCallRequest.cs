using System.Text.Json;

namespace Dome.Gateway.Pipeline;

/// <summary>The body of <c>POST /v1/tools/call</c> and <c>POST /v1/check</c>, parsed. <see cref="Arguments"/> lives as long as the request.</summary>
public sealed record ToolCallRequest
{
    public required string Tool { get; init; }

    /// <summary>The arguments object (never logged, never audited unless the tool says so).</summary>
    public required JsonElement Arguments { get; init; }

    public required string? Intent { get; init; }

    public required string? ApprovalId { get; init; }
}
