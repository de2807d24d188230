namespace Dome.Storage.Azure.Tables;

/// <summary>
/// Where the next page of a query starts: the values of the service's <c>x-ms-continuation-NextPartitionKey</c> and
/// <c>x-ms-continuation-NextRowKey</c> headers, sent back as the <c>NextPartitionKey</c>/<c>NextRowKey</c> parameters.
/// </summary>
internal sealed record TableContinuation
{
    public required string NextPartitionKey { get; init; }

    public string? NextRowKey { get; init; }
}
