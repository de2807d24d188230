namespace Dome.Core.Catalog;

/// <summary>What storing a batch of tools did.</summary>
public sealed record ToolImportResult
{
    public required int Created { get; init; }

    public required int Updated { get; init; }
}
