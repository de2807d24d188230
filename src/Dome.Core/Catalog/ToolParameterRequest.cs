namespace Dome.Core.Catalog;

/// <summary>An argument bound outside the body: <c>{"name": "page", "in": "query"}</c>.</summary>
public sealed record ToolParameterRequest
{
    public required string Name { get; init; }

    /// <summary><c>path</c>, <c>query</c> or <c>header</c>.</summary>
    public required string In { get; init; }
}
