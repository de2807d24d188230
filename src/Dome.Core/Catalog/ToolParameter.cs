namespace Dome.Core.Catalog;

/// <summary>A top-level argument of a tool that is bound to the path, the query or a header instead of the body.</summary>
public sealed record ToolParameter
{
    /// <summary>The argument name, which is also the name upstream (path variable, query key or header name).</summary>
    public required string Name { get; init; }

    public required ParameterLocation In { get; init; }
}
