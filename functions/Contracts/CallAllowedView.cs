using Dome.Gateway.Pipeline;

namespace Dome.Functions.Contracts;

/// <summary>The answer to an allowed <c>POST /v1/tools/call</c>.</summary>
internal sealed record CallAllowedView
{
    public required string Decision { get; init; }

    public required string CallId { get; init; }

    public required ToolCallResult Result { get; init; }
}
