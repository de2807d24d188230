using Dome.Core.Registry;
using Dome.Core.Security;
using Dome.Core.Storage;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// Tenants, workspaces and management keys in one partition (<c>registry</c>) of the Tenants table: the directory is
/// small and written rarely, and one partition lets a new tenant's name claim, record, first workspace and admin key
/// be one atomic batch. Rows: <c>tenant|id</c>, <c>tenantname|name</c> (the uniqueness claim), <c>workspace|tenant|name</c>,
/// <c>key|keyId</c>. Every read is a point read or a row-key prefix query of that partition.
/// </summary>
internal sealed class AzureTenantStore(AzureTables tables) : ITenantStore
{
    private const string Partition = "registry";

    public async Task<bool> CreateTenantAsync(Tenant tenant, Workspace firstWorkspace, ManagementKey adminKey, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var result = await table.SubmitBatchAsync(
        [
            TableOperation.Insert(new TableEntity(Partition, TableKey.Join("tenantname", tenant.Name)) { ["TenantId"] = tenant.Id }),
            TableOperation.Insert(TenantRow(tenant)),
            TableOperation.Insert(WorkspaceRow(firstWorkspace)),
            TableOperation.Insert(KeyRow(adminKey)),
        ], cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            TableWriteStatus.Succeeded => true,
            TableWriteStatus.AlreadyExists => false,
            _ => throw new InvalidOperationException($"creating tenant `{tenant.Name}` failed: {result.Status}"),
        };
    }

    public async Task<Tenant?> FindTenantByNameAsync(string name, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var claim = await table.GetAsync(Partition, TableKey.Join("tenantname", name), cancellationToken: cancellationToken).ConfigureAwait(false);
        return claim?.GetString("TenantId") is { } id ? await FindTenantAsync(id, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task<Tenant?> FindTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var row = await table.GetAsync(Partition, TableKey.Join("tenant", tenantId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : ReadTenant(row);
    }

    public async Task<IReadOnlyList<Tenant>> ListTenantsAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryPrefixAsync("tenant|", cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ReadTenant).OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    public async Task<bool> CreateWorkspaceAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var result = await table.InsertAsync(WorkspaceRow(workspace), cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    public async Task<Workspace?> FindWorkspaceAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var row = await table.GetAsync(Partition, TableKey.Join("workspace", tenantId, name), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : ReadWorkspace(row);
    }

    public async Task<IReadOnlyList<Workspace>> ListWorkspacesAsync(string tenantId, CancellationToken cancellationToken)
    {
        var rows = await QueryPrefixAsync(TableKey.Join("workspace", tenantId) + "|", cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ReadWorkspace).OrderBy(w => w.Name, StringComparer.Ordinal)];
    }

    public async Task AddKeyAsync(ManagementKey key, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var result = await table.InsertAsync(KeyRow(key), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"management key `{key.KeyId}` already exists");
        }
    }

    public async Task<ManagementKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var row = await table.GetAsync(Partition, TableKey.Join("key", keyId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        return new ManagementKey
        {
            KeyId = row.GetString("KeyId")!,
            Hash = row.GetString("Hash")!,
            Kind = row.GetString("Kind") == "operator" ? KeyKind.Operator : KeyKind.Admin,
            TenantId = row.GetString("TenantId"),
            CreatedAt = row.GetDateTime("CreatedAt")!.Value,
        };
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => tables.GetAsync(AzureTableNames.Tenants, cancellationToken);

    private async Task<IReadOnlyList<TableEntity>> QueryPrefixAsync(string rowKeyPrefix, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken).ConfigureAwait(false);
        var filter = TableFilter.And(TableFilter.PartitionKeyEquals(Partition), TableFilter.StartsWith("RowKey", rowKeyPrefix));
        return await table.QueryAllAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity TenantRow(Tenant tenant) => new(Partition, TableKey.Join("tenant", tenant.Id))
    {
        ["Id"] = tenant.Id,
        ["Name"] = tenant.Name,
        ["CreatedAt"] = tenant.CreatedAt,
    };

    private static TableEntity WorkspaceRow(Workspace workspace) => new(Partition, TableKey.Join("workspace", workspace.TenantId, workspace.Name))
    {
        ["TenantId"] = workspace.TenantId,
        ["Name"] = workspace.Name,
        ["CreatedAt"] = workspace.CreatedAt,
    };

    private static TableEntity KeyRow(ManagementKey key) => new(Partition, TableKey.Join("key", key.KeyId))
    {
        ["KeyId"] = key.KeyId,
        ["Hash"] = key.Hash,
        ["Kind"] = key.Kind == KeyKind.Operator ? "operator" : "admin",
        ["TenantId"] = key.TenantId,
        ["CreatedAt"] = key.CreatedAt,
    };

    private static Tenant ReadTenant(TableEntity row) => new()
    {
        Id = row.GetString("Id")!,
        Name = row.GetString("Name")!,
        CreatedAt = row.GetDateTime("CreatedAt")!.Value,
    };

    private static Workspace ReadWorkspace(TableEntity row) => new()
    {
        TenantId = row.GetString("TenantId")!,
        Name = row.GetString("Name")!,
        CreatedAt = row.GetDateTime("CreatedAt")!.Value,
    };
}
