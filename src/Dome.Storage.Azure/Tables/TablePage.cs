namespace Dome.Storage.Azure.Tables;

/// <summary>One page of a query's results; <see cref="Continuation"/> is null on the last page.</summary>
internal sealed record TablePage
{
    public required IReadOnlyList<TableEntity> Entities { get; init; }

    public TableContinuation? Continuation { get; init; }
}
