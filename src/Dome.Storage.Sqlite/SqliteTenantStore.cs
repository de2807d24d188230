using Dome.Core.Registry;
using Dome.Core.Security;
using Dome.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>Tenants, workspaces and management keys in the embedded database.</summary>
public sealed class SqliteTenantStore(SqliteDatabase database) : ITenantStore
{
    public async Task<bool> CreateTenantAsync(Tenant tenant, Workspace firstWorkspace, ManagementKey adminKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var insert = connection.Command(
                "INSERT INTO tenants (id, name, created_at) VALUES ($id, $name, $at)", transaction,
                ("$id", tenant.Id), ("$name", tenant.Name), ("$at", tenant.CreatedAt.ToText())))
            {
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await InsertWorkspaceAsync(connection, transaction, firstWorkspace, cancellationToken).ConfigureAwait(false);
            await InsertKeyAsync(connection, transaction, adminKey, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }

    public async Task<Tenant?> FindTenantByNameAsync(string name, CancellationToken cancellationToken) =>
        (await QueryTenantsAsync("SELECT id, name, created_at FROM tenants WHERE name = $p", name, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public async Task<Tenant?> FindTenantAsync(string tenantId, CancellationToken cancellationToken) =>
        (await QueryTenantsAsync("SELECT id, name, created_at FROM tenants WHERE id = $p", tenantId, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<Tenant>> ListTenantsAsync(CancellationToken cancellationToken) =>
        QueryTenantsAsync("SELECT id, name, created_at FROM tenants WHERE $p IS NULL ORDER BY name", null, cancellationToken);

    public async Task<bool> CreateWorkspaceAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await InsertWorkspaceAsync(connection, null, workspace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }

    public async Task<Workspace?> FindWorkspaceAsync(string tenantId, string name, CancellationToken cancellationToken) =>
        (await QueryWorkspacesAsync("SELECT tenant_id, name, created_at FROM workspaces WHERE tenant_id = $t AND name = $n", tenantId, name, cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    public Task<IReadOnlyList<Workspace>> ListWorkspacesAsync(string tenantId, CancellationToken cancellationToken) =>
        QueryWorkspacesAsync("SELECT tenant_id, name, created_at FROM workspaces WHERE tenant_id = $t AND $n IS NULL ORDER BY name", tenantId, null, cancellationToken);

    public async Task AddKeyAsync(ManagementKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await InsertKeyAsync(connection, null, key, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ManagementKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT key_id, hash, kind, tenant_id, created_at FROM management_keys WHERE key_id = $id", null, ("$id", keyId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ManagementKey
        {
            KeyId = reader.GetString(0),
            Hash = reader.GetString(1),
            Kind = reader.GetString(2) == "operator" ? KeyKind.Operator : KeyKind.Admin,
            TenantId = reader.NullableString(3),
            CreatedAt = reader.GetString(4).ToTime(),
        };
    }

    private static async Task InsertWorkspaceAsync(SqliteConnection connection, SqliteTransaction? transaction, Workspace workspace, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "INSERT INTO workspaces (tenant_id, name, created_at) VALUES ($t, $n, $at)", transaction,
            ("$t", workspace.TenantId), ("$n", workspace.Name), ("$at", workspace.CreatedAt.ToText()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task InsertKeyAsync(SqliteConnection connection, SqliteTransaction? transaction, ManagementKey key, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "INSERT INTO management_keys (key_id, hash, kind, tenant_id, created_at) VALUES ($id, $h, $k, $t, $at)", transaction,
            ("$id", key.KeyId), ("$h", key.Hash), ("$k", key.Kind == KeyKind.Operator ? "operator" : "admin"), ("$t", key.TenantId), ("$at", key.CreatedAt.ToText()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Tenant>> QueryTenantsAsync(string sql, string? parameter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(sql, null, ("$p", parameter));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Tenant>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Tenant { Id = reader.GetString(0), Name = reader.GetString(1), CreatedAt = reader.GetString(2).ToTime() });
        }

        return list;
    }

    private async Task<IReadOnlyList<Workspace>> QueryWorkspacesAsync(string sql, string tenantId, string? name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(sql, null, ("$t", tenantId), ("$n", name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Workspace>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Workspace { TenantId = reader.GetString(0), Name = reader.GetString(1), CreatedAt = reader.GetString(2).ToTime() });
        }

        return list;
    }
}
