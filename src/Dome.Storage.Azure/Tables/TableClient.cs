using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Dome.Storage.Azure.Tables;

/// <summary>
/// One table's entities over the Table service REST API: create the table, insert, upsert, update and delete with
/// <c>If-Match</c> ETags (optimistic concurrency reported as <see cref="TableWriteStatus.PreconditionFailed"/>),
/// point reads, filtered queries with continuation paging, and entity group transactions. Expected outcomes
/// (exists, changed first, missing) are results; anything else is a <see cref="RequestFailedException"/>.
/// </summary>
internal sealed partial class TableClient
{
    private const string JsonNoMetadata = "application/json;odata=nometadata";
    private const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";

    private readonly HttpPipeline _pipeline;
    private readonly string _tableUri;

    internal TableClient(HttpPipeline pipeline, Uri endpoint, string name)
    {
        _pipeline = pipeline;
        Endpoint = endpoint;
        Name = name;
        _tableUri = endpoint.AbsoluteUri + "/" + name;
    }

    public string Name { get; }

    public Uri Endpoint { get; }

    /// <summary>Creates the table; succeeds as well when it already exists.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name });
        using var message = CreateMessage(RequestMethod.Post, Endpoint.AbsoluteUri + "/Tables", body);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status is 201 or 204 || (response.Status == 409 && TableErrors.Code(response) == "TableAlreadyExists"))
        {
            return;
        }

        throw TableErrors.Failure(response, "create table", Name);
    }

    /// <summary>Deletes the table and everything in it; false when there was no such table.</summary>
    public async Task<bool> DeleteTableAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, Endpoint.AbsoluteUri + "/Tables('" + Uri.EscapeDataString(Name) + "')", null);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw TableErrors.Failure(message.Response, "delete table", Name),
        };
    }

    /// <summary>Inserts a new entity; <see cref="TableWriteStatus.AlreadyExists"/> when one with its keys exists.</summary>
    public async Task<TableWriteResult> InsertAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Post, _tableUri, TableEntityJson.Serialize(entity));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response.Status switch
        {
            201 or 204 => TableWriteResult.Success(ETagOf(message.Response)),
            409 => TableWriteResult.Failure(TableWriteStatus.AlreadyExists),
            _ => throw TableErrors.Failure(message.Response, "insert", Name),
        };
    }

    /// <summary>Inserts the entity or overwrites (replace) or extends (merge) the stored one, unconditionally; returns the new ETag.</summary>
    public async Task<string?> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(MethodFor(mode), EntityUri(entity.PartitionKey, entity.RowKey), TableEntityJson.Serialize(entity));
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response.Status == 204
            ? ETagOf(message.Response)
            : throw TableErrors.Failure(message.Response, "upsert", Name);
    }

    /// <summary>
    /// Replaces or merges into the stored entity when its ETag is <paramref name="etag"/> (<c>*</c>: any version);
    /// <see cref="TableWriteStatus.PreconditionFailed"/> when someone changed it first, <see cref="TableWriteStatus.NotFound"/> when it is gone.
    /// </summary>
    public async Task<TableWriteResult> UpdateAsync(TableEntity entity, string etag, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        using var message = CreateMessage(MethodFor(mode), EntityUri(entity.PartitionKey, entity.RowKey), TableEntityJson.Serialize(entity));
        message.Request.Headers.SetValue("If-Match", etag);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response.Status switch
        {
            204 => TableWriteResult.Success(ETagOf(message.Response)),
            404 => TableWriteResult.Failure(TableWriteStatus.NotFound),
            412 => TableWriteResult.Failure(TableWriteStatus.PreconditionFailed),
            _ => throw TableErrors.Failure(message.Response, "update", Name),
        };
    }

    /// <summary>Deletes the entity when its ETag is <paramref name="etag"/> (<c>*</c>: any version).</summary>
    public async Task<TableWriteResult> DeleteAsync(string partitionKey, string rowKey, string etag = "*", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        TableKey.Validate(partitionKey, "PartitionKey");
        TableKey.Validate(rowKey, "RowKey");
        using var message = CreateMessage(RequestMethod.Delete, EntityUri(partitionKey, rowKey), null);
        message.Request.Headers.SetValue("If-Match", etag);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response.Status switch
        {
            204 => TableWriteResult.Success(null),
            404 => TableWriteResult.Failure(TableWriteStatus.NotFound),
            412 => TableWriteResult.Failure(TableWriteStatus.PreconditionFailed),
            _ => throw TableErrors.Failure(message.Response, "delete", Name),
        };
    }

    /// <summary>The entity with these keys, or null; <paramref name="select"/> limits the properties returned.</summary>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, IReadOnlyList<string>? select = null, CancellationToken cancellationToken = default)
    {
        TableKey.Validate(partitionKey, "PartitionKey");
        TableKey.Validate(rowKey, "RowKey");
        var uri = EntityUri(partitionKey, rowKey);
        if (select is { Count: > 0 })
        {
            uri += "?$select=" + Uri.EscapeDataString(SelectList(select));
        }

        using var message = CreateMessage(RequestMethod.Get, uri, null);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status == 404)
        {
            return null;
        }

        if (response.Status != 200)
        {
            throw TableErrors.Failure(response, "get", Name);
        }

        using var document = JsonDocument.Parse(response.Content.ToMemory());
        return TableEntityJson.Read(document.RootElement, ETagOf(response));
    }

    private HttpMessage CreateMessage(RequestMethod method, string uri, byte[]? body)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri(uri));
        request.Headers.SetValue("x-ms-version", TableClientOptions.ServiceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Accept", JsonMinimalMetadata);
        if (body is not null)
        {
            request.Headers.SetValue("Content-Type", JsonNoMetadata);
            request.Content = RequestContent.Create(body);
        }

        return message;
    }

    private string EntityUri(string partitionKey, string rowKey) =>
        _tableUri + "(PartitionKey='" + EscapeKey(partitionKey) + "',RowKey='" + EscapeKey(rowKey) + "')";

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static RequestMethod MethodFor(TableUpdateMode mode) =>
        mode == TableUpdateMode.Replace ? RequestMethod.Put : new RequestMethod("MERGE");

    /// <summary>The <c>$select</c> list: the requested properties plus the keys, which every entity read here carries.</summary>
    private static string SelectList(IReadOnlyList<string> select)
    {
        var names = new List<string>(select.Count + 2) { "PartitionKey", "RowKey" };
        foreach (var name in select)
        {
            TableEntityLimits.ValidatePropertyName(name, allowSystem: true);
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return string.Join(',', names);
    }

    private static string? ETagOf(Response response) => response.Headers.TryGetValue("ETag", out var etag) ? etag : null;
}
