using System.Text.Json;
using Dome.Core.Catalog;

namespace Dome.Functions.Contracts;

/// <summary>A tool as the API shows it.</summary>
internal sealed record ToolView
{
    /// <summary><c>connection/name</c>: what agents call and declare.</summary>
    public required string Tool { get; init; }

    public required string Connection { get; init; }

    public required string Name { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public required string Description { get; init; }

    public required JsonElement InputSchema { get; init; }

    public required IReadOnlyList<ParameterView> Parameters { get; init; }

    public string? BodyProperty { get; init; }

    public JsonElement? OutputRules { get; init; }

    public required bool AuditArguments { get; init; }

    public required IReadOnlyList<string> Tags { get; init; }

    public string? Risk { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public static ToolView Of(Tool tool) => new()
    {
        Tool = tool.FullName,
        Connection = tool.Connection,
        Name = tool.Name,
        Method = tool.Method,
        Path = tool.Path,
        Description = tool.Description,
        InputSchema = Json.Parse(tool.InputSchema)!.Value,
        Parameters = tool.Parameters.Select(p => new ParameterView { Name = p.Name, In = CatalogWireNames.Of(p.In) }).ToArray(),
        BodyProperty = tool.BodyProperty,
        OutputRules = Json.Parse(tool.OutputRules),
        AuditArguments = tool.AuditArguments,
        Tags = tool.Tags,
        Risk = tool.Risk,
        CreatedAt = tool.CreatedAt,
        UpdatedAt = tool.UpdatedAt,
    };
}
