namespace Dome.Storage.Azure.Tables;

/// <summary>One change inside an entity group transaction (<see cref="TableClient.SubmitBatchAsync"/>).</summary>
internal sealed record TableOperation
{
    public required TableOperationKind Kind { get; init; }

    public required TableEntity Entity { get; init; }

    /// <summary>The ETag an update or delete requires; <c>*</c> (the default) matches any version.</summary>
    public string ETag { get; init; } = "*";

    public static TableOperation Insert(TableEntity entity) => new() { Kind = TableOperationKind.Insert, Entity = entity };

    public static TableOperation Upsert(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace) => new()
    {
        Kind = mode == TableUpdateMode.Replace ? TableOperationKind.UpsertReplace : TableOperationKind.UpsertMerge,
        Entity = entity,
    };

    public static TableOperation Update(TableEntity entity, string etag, TableUpdateMode mode = TableUpdateMode.Replace) => new()
    {
        Kind = mode == TableUpdateMode.Replace ? TableOperationKind.UpdateReplace : TableOperationKind.UpdateMerge,
        Entity = entity,
        ETag = etag,
    };

    public static TableOperation Delete(string partitionKey, string rowKey, string etag = "*") => new()
    {
        Kind = TableOperationKind.Delete,
        Entity = new TableEntity(partitionKey, rowKey),
        ETag = etag,
    };
}
