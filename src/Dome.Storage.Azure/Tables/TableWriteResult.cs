namespace Dome.Storage.Azure.Tables;

/// <summary>The outcome of a write and, when it succeeded, the entity's new ETag.</summary>
internal readonly record struct TableWriteResult(TableWriteStatus Status, string? ETag)
{
    public bool Succeeded => Status == TableWriteStatus.Succeeded;

    public static TableWriteResult Success(string? etag) => new(TableWriteStatus.Succeeded, etag);

    public static TableWriteResult Failure(TableWriteStatus status) => new(status, null);
}
