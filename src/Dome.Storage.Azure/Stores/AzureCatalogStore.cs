using Dome.Core.Catalog;
using Dome.Core.Storage;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// Connections and tools in the Catalog table, one partition per tenant (rows <c>conn|name</c> and
/// <c>tool|connection|name</c>). A tool is only ever written in a batch that also touches its connection row with
/// <c>If-Match: *</c>, so a tool cannot be created for a connection that does not exist, and the write changes the
/// connection's ETag, on which deleting the connection is conditional. Deleting a connection deletes its tools in
/// batches of up to 99 with the connection row in the last one; an
/// import of more than 99 tools is applied in several batches (each atomic, the import as a whole not).
/// </summary>
internal sealed class AzureCatalogStore(AzureTables tables) : ICatalogStore
{
    private const int ToolsPerBatch = TableClient.MaxBatchOperations - 1;

    public async Task<bool> CreateConnectionAsync(Connection connection, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        return (await table.InsertAsync(CatalogRows.Connection(connection), cancellationToken).ConfigureAwait(false)).Succeeded;
    }

    public async Task<bool> ReplaceConnectionAsync(Connection connection, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var existing = await table.GetAsync(CatalogRows.Partition(connection.TenantId), CatalogRows.ConnectionKey(connection.Name), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return false;
        }

        // The stored creation time stays, as the SQLite adapter keeps it.
        var replacement = CatalogRows.Connection(connection with { CreatedAt = existing.GetDateTime("CreatedAt") ?? connection.CreatedAt });
        return (await table.UpdateAsync(replacement, "*", TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)).Succeeded;
    }

    public async Task<Connection?> FindConnectionAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var row = await table.GetAsync(CatalogRows.Partition(tenantId), CatalogRows.ConnectionKey(name), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : CatalogRows.ReadConnection(row);
    }

    public async Task<IReadOnlyList<Connection>> ListConnectionsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var rows = await QueryPrefixAsync(tenantId, "conn|", cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(CatalogRows.ReadConnection).OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public async Task<bool> DeleteConnectionAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var partition = CatalogRows.Partition(tenantId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var connection = await table.GetAsync(partition, CatalogRows.ConnectionKey(name), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (connection is null)
            {
                return false;
            }

            // Every tool write merges into the connection row, changing its ETag: deleting the connection on the
            // ETag read here fails if a tool was added after the tools below were listed, and the loop starts over.
            var tools = await QueryPrefixAsync(tenantId, CatalogRows.ToolPrefix(name), cancellationToken).ConfigureAwait(false);
            var deletes = tools.Select(t => TableOperation.Delete(partition, t.RowKey)).ToList();
            var conflict = false;
            while (deletes.Count > ToolsPerBatch && !conflict)
            {
                var chunk = deletes.GetRange(deletes.Count - ToolsPerBatch, ToolsPerBatch);
                deletes.RemoveRange(deletes.Count - ToolsPerBatch, ToolsPerBatch);
                conflict = !(await table.SubmitBatchAsync(chunk, cancellationToken).ConfigureAwait(false)).Succeeded;
            }

            if (conflict)
            {
                continue;
            }

            deletes.Add(TableOperation.Delete(partition, connection.RowKey, connection.ETag!));
            var result = await table.SubmitBatchAsync(deletes, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return true;
            }

            if (result.Status is not (TableWriteStatus.PreconditionFailed or TableWriteStatus.NotFound))
            {
                throw new InvalidOperationException($"deleting connection `{name}` failed: {result.Status}");
            }
        }

        throw new InvalidOperationException($"deleting connection `{name}` kept conflicting with concurrent changes to its tools");
    }

    public async Task<bool> CreateToolAsync(Tool tool, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var result = await table.SubmitBatchAsync(
        [
            ConnectionGuard(tool.TenantId, tool.Connection),
            TableOperation.Insert(CatalogRows.Tool(tool)),
        ], cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    public async Task<ToolImportResult?> PutToolsAsync(string tenantId, string connection, IReadOnlyList<Tool> tools, CancellationToken cancellationToken)
    {
        if (tools.Any(t => t.TenantId != tenantId || t.Connection != connection))
        {
            throw new ArgumentException("every tool must belong to the given tenant and connection", nameof(tools));
        }

        var table = await Table(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            if (await FindConnectionAsync(tenantId, connection, cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }

            var existing = (await QueryPrefixAsync(tenantId, CatalogRows.ToolPrefix(connection), cancellationToken).ConfigureAwait(false))
                .ToDictionary(row => row.RowKey, StringComparer.Ordinal);
            int created = 0, updated = 0;
            var operations = new List<TableOperation>(tools.Count);
            foreach (var tool in tools)
            {
                if (existing.TryGetValue(CatalogRows.ToolKey(connection, tool.Name), out var row))
                {
                    var stored = CatalogRows.ReadTool(row);
                    var merged = tool with
                    {
                        CreatedAt = stored.CreatedAt,
                        OutputRules = tool.OutputRules ?? stored.OutputRules,
                        Risk = tool.Risk ?? stored.Risk,
                        AuditArguments = stored.AuditArguments,
                    };
                    operations.Add(TableOperation.Update(CatalogRows.Tool(merged), row.ETag!));
                    updated++;
                }
                else
                {
                    operations.Add(TableOperation.Insert(CatalogRows.Tool(tool)));
                    created++;
                }
            }

            var conflict = false;
            foreach (var chunk in operations.Chunk(ToolsPerBatch))
            {
                var result = await table.SubmitBatchAsync([ConnectionGuard(tenantId, connection), .. chunk], cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    conflict = true;
                    break;
                }
            }

            if (!conflict)
            {
                return new ToolImportResult { Created = created, Updated = updated };
            }

            if (attempt == 2)
            {
                throw new InvalidOperationException($"importing tools into connection `{connection}` kept conflicting with concurrent changes");
            }
        }
    }

    public async Task<Tool?> FindToolAsync(string tenantId, string connection, string name, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var row = await table.GetAsync(CatalogRows.Partition(tenantId), CatalogRows.ToolKey(connection, name), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : CatalogRows.ReadTool(row);
    }

    public async Task<CatalogEntry?> FindEntryAsync(string tenantId, string connection, string name, CancellationToken cancellationToken)
    {
        var tool = await FindToolAsync(tenantId, connection, name, cancellationToken).ConfigureAwait(false);
        var owner = tool is null ? null : await FindConnectionAsync(tenantId, connection, cancellationToken).ConfigureAwait(false);
        return tool is null || owner is null ? null : new CatalogEntry { Connection = owner, Tool = tool };
    }

    public async Task<IReadOnlyList<Tool>> ListToolsAsync(string tenantId, string? connection, CancellationToken cancellationToken)
    {
        var rows = await QueryPrefixAsync(tenantId, CatalogRows.ToolPrefix(connection), cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(CatalogRows.ReadTool).OrderBy(t => t.Connection, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)];
    }

    public async Task<bool> DeleteToolAsync(string tenantId, string connection, string name, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        return (await table.DeleteAsync(CatalogRows.Partition(tenantId), CatalogRows.ToolKey(connection, name), "*", cancellationToken).ConfigureAwait(false)).Succeeded;
    }

    /// <summary>A merge of nothing into the connection row, conditional on it existing: the batch fails when it does not.</summary>
    private static TableOperation ConnectionGuard(string tenantId, string connection) =>
        TableOperation.Update(new TableEntity(CatalogRows.Partition(tenantId), CatalogRows.ConnectionKey(connection)), "*", TableUpdateMode.Merge);

    private async Task<IReadOnlyList<TableEntity>> QueryPrefixAsync(string tenantId, string rowKeyPrefix, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var filter = TableFilter.And(TableFilter.PartitionKeyEquals(CatalogRows.Partition(tenantId)), TableFilter.StartsWith("RowKey", rowKeyPrefix));
        return await table.QueryAllAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => tables.GetAsync(AzureTableNames.Catalog, cancellationToken);
}
