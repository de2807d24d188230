using System.Globalization;
using Azure.Core;

namespace Dome.Storage.Azure.Tables;

internal sealed partial class TableClient
{
    /// <summary>The service's limit on operations in one entity group transaction.</summary>
    public const int MaxBatchOperations = 100;

    /// <summary>The service's limit on the size of one batch request.</summary>
    public const int MaxBatchBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Applies all <paramref name="operations"/> atomically (an entity group transaction: <c>$batch</c>, one
    /// change set). They must share one partition key, name each entity once and number at most 100. When one
    /// fails on an expected condition (exists, changed first, missing) nothing is applied and the result names it.
    /// </summary>
    public async Task<TableBatchResult> SubmitBatchAsync(IReadOnlyList<TableOperation> operations, CancellationToken cancellationToken = default)
    {
        ValidateBatch(operations);
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        var body = TableBatchContent.Build(_tableUri, operations, batchBoundary, changesetBoundary);
        if (body.Length > MaxBatchBytes)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"the batch is {body.Length} bytes; a table batch request holds at most {MaxBatchBytes}"), nameof(operations));
        }

        using var message = CreateMessage(RequestMethod.Post, Endpoint.AbsoluteUri + "/$batch", null);
        message.Request.Headers.SetValue("Content-Type", "multipart/mixed; boundary=" + batchBoundary);
        message.Request.Content = RequestContent.Create(body);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status != 202)
        {
            throw TableErrors.Failure(response, "batch", Name);
        }

        var parts = TableBatchContent.ParseResponse(response.Content.ToString());
        var failed = parts.FindIndex(part => part.Status >= 300);
        if (failed < 0)
        {
            if (parts.Count != operations.Count)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"the batch response on table `{Name}` has {parts.Count} parts for {operations.Count} operations"));
            }

            return new TableBatchResult { Status = TableWriteStatus.Succeeded, ETags = parts.ConvertAll(part => part.ETag) };
        }

        var failure = parts[failed];
        var index = FailedIndex(failure.Body) ?? (parts.Count == operations.Count ? failed : null);
        var status = failure.Status switch
        {
            409 => TableWriteStatus.AlreadyExists,
            412 => TableWriteStatus.PreconditionFailed,
            404 => TableWriteStatus.NotFound,
            _ => throw new global::Azure.RequestFailedException(failure.Status, string.Create(CultureInfo.InvariantCulture,
                $"table storage refused operation {index?.ToString(CultureInfo.InvariantCulture) ?? "?"} of a batch on table `{Name}`: {failure.Status} `{TableErrors.CodeFromBody(failure.Body) ?? "unknown"}`"),
                TableErrors.CodeFromBody(failure.Body), null),
        };
        return new TableBatchResult { Status = status, FailedIndex = index };
    }

    private static void ValidateBatch(IReadOnlyList<TableOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        if (operations.Count is 0 or > MaxBatchOperations)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"a batch holds 1 to {MaxBatchOperations} operations, not {operations.Count}"), nameof(operations));
        }

        var partition = operations[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            if (!string.Equals(operation.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"a batch spans one partition; `{operation.Entity.PartitionKey}` differs from `{partition}`"), nameof(operations));
            }

            if (!rows.Add(operation.Entity.RowKey))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"a batch changes each entity once; row `{operation.Entity.RowKey}` appears twice"), nameof(operations));
            }
        }
    }

    /// <summary>The operation index the service puts before the error message (<c>"2:The specified entity already exists."</c>).</summary>
    private static int? FailedIndex(string? body)
    {
        var message = TableErrors.MessageFromBody(body);
        if (message is null)
        {
            return null;
        }

        var colon = message.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }
}
