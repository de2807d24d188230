using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure.Core;

namespace Dome.Storage.Azure.Tables;

internal sealed partial class TableClient
{
    /// <summary>The service's page size limit for <c>$top</c>.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// One page of entities matching <paramref name="filter"/> (an OData expression; build it with
    /// <see cref="TableFilter"/>), at most <paramref name="top"/> of them, starting at <paramref name="continuation"/>.
    /// A page may be empty and still carry a continuation: the service stops at partition boundaries and time limits.
    /// </summary>
    public async Task<TablePage> QueryPageAsync(
        string? filter,
        IReadOnlyList<string>? select = null,
        int? top = null,
        TableContinuation? continuation = null,
        CancellationToken cancellationToken = default)
    {
        if (top is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, string.Create(CultureInfo.InvariantCulture, $"a page holds 1 to {MaxPageSize} entities"));
        }

        var uri = new StringBuilder(_tableUri).Append("()");
        var separator = '?';
        void Add(string name, string value)
        {
            uri.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        if (!string.IsNullOrEmpty(filter))
        {
            Add("$filter", filter);
        }

        if (select is { Count: > 0 })
        {
            Add("$select", SelectList(select));
        }

        if (top is not null)
        {
            Add("$top", top.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (continuation is not null)
        {
            Add("NextPartitionKey", continuation.NextPartitionKey);
            if (continuation.NextRowKey is not null)
            {
                Add("NextRowKey", continuation.NextRowKey);
            }
        }

        using var message = CreateMessage(RequestMethod.Get, uri.ToString(), null);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status != 200)
        {
            throw TableErrors.Failure(response, "query", Name);
        }

        var entities = new List<TableEntity>();
        using (var document = JsonDocument.Parse(response.Content.ToMemory()))
        {
            if (document.RootElement.TryGetProperty("value", out var value))
            {
                foreach (var item in value.EnumerateArray())
                {
                    entities.Add(TableEntityJson.Read(item));
                }
            }
        }

        TableContinuation? next = null;
        if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartition) && !string.IsNullOrEmpty(nextPartition))
        {
            next = new TableContinuation
            {
                NextPartitionKey = nextPartition,
                NextRowKey = response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow) && !string.IsNullOrEmpty(nextRow) ? nextRow : null,
            };
        }

        return new TablePage { Entities = entities, Continuation = next };
    }

    /// <summary>Every entity matching <paramref name="filter"/>, following continuations page by page.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter,
        IReadOnlyList<string>? select = null,
        int? pageSize = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TableContinuation? continuation = null;
        do
        {
            var page = await QueryPageAsync(filter, select, pageSize, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    /// <summary>Every entity matching <paramref name="filter"/>, as a list.</summary>
    public async Task<IReadOnlyList<TableEntity>> QueryAllAsync(string? filter, IReadOnlyList<string>? select = null, CancellationToken cancellationToken = default)
    {
        var all = new List<TableEntity>();
        await foreach (var entity in QueryAsync(filter, select, null, cancellationToken).ConfigureAwait(false))
        {
            all.Add(entity);
        }

        return all;
    }
}
