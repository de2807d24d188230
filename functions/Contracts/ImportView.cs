using Dome.Core.Catalog.OpenApi;

namespace Dome.Functions.Contracts;

/// <summary>The answer to an OpenAPI import.</summary>
internal sealed record ImportView
{
    public required int Created { get; init; }

    public required int Updated { get; init; }

    public required IReadOnlyList<ToolView> Tools { get; init; }

    public required IReadOnlyList<SkippedOperation> Skipped { get; init; }
}
