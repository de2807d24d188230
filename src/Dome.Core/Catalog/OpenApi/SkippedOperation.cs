namespace Dome.Core.Catalog.OpenApi;

/// <summary>An operation the import could not turn into a tool.</summary>
public sealed record SkippedOperation
{
    public required string Operation { get; init; }

    public required string Reason { get; init; }
}
