namespace Dome.Gateway.Policy;

/// <summary>The tool of a call as policies see it (the <c>Dome::Tool</c> entity, parent <c>Dome::Connection</c>).</summary>
internal sealed record ToolFacts
{
    /// <summary>`connection/operation`.</summary>
    public required string Name { get; init; }

    public required string Connection { get; init; }

    public required string Operation { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>`low`, `medium` or `high`; a tool without one counts as `medium`.</summary>
    public string Risk { get; init; } = "medium";
}
