namespace Dome.Storage.Azure.Tables;

/// <summary>
/// The outcome of an entity group transaction: all of it applied, or none of it, with the operation that failed
/// and why (<see cref="TableWriteStatus.AlreadyExists"/>, <see cref="TableWriteStatus.PreconditionFailed"/> or
/// <see cref="TableWriteStatus.NotFound"/>; any other failure throws).
/// </summary>
internal sealed record TableBatchResult
{
    public required TableWriteStatus Status { get; init; }

    /// <summary>The index of the operation that failed, when the service named it.</summary>
    public int? FailedIndex { get; init; }

    /// <summary>The new ETag of each operation in order (null for deletes) when the batch succeeded.</summary>
    public IReadOnlyList<string?> ETags { get; init; } = [];

    public bool Succeeded => Status == TableWriteStatus.Succeeded;
}
