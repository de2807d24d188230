namespace Dome.Core.Catalog.OpenApi;

/// <summary>What an OpenAPI import stored, and which operations it left out and why.</summary>
public sealed record OpenApiImport
{
    public required IReadOnlyList<Tool> Tools { get; init; }

    public required int Created { get; init; }

    public required int Updated { get; init; }

    public IReadOnlyList<SkippedOperation> Skipped { get; init; } = [];
}
