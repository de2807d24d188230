using System.Text.Json;
using Dome.Core.Catalog;
using Dome.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>Tool connections and tools in the embedded database.</summary>
public sealed class SqliteCatalogStore(SqliteDatabase database) : ICatalogStore
{
    private const string ConnectionColumns =
        "tenant_id, name, base_url, auth_kind, auth_secret, auth_header, token_url, scope, output_rules, created_at, updated_at";

    private const string ToolColumns =
        "tenant_id, connection, name, method, path, description, input_schema, parameters, body_property, output_rules, audit_arguments, tags, risk, created_at, updated_at";

    private const string ToolValues =
        "$tenant, $connection, $name, $method, $path, $description, $schema, $parameters, $body, $rules, $audit, $tags, $risk, $created, $updated";

    public async Task<bool> CreateConnectionAsync(Connection connection, CancellationToken cancellationToken)
    {
        await using var db = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = db.Command(
            $"INSERT INTO connections ({ConnectionColumns}) VALUES ($tenant, $name, $url, $kind, $secret, $header, $token, $scope, $rules, $created, $updated)",
            null, Parameters(connection));
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }

    public async Task<bool> ReplaceConnectionAsync(Connection connection, CancellationToken cancellationToken)
    {
        await using var db = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = db.Command(
            """
            UPDATE connections SET base_url = $url, auth_kind = $kind, auth_secret = $secret, auth_header = $header,
                token_url = $token, scope = $scope, output_rules = $rules, updated_at = $updated
            WHERE tenant_id = $tenant AND name = $name
            """, null, Parameters(connection));
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<Connection?> FindConnectionAsync(string tenantId, string name, CancellationToken cancellationToken) =>
        (await QueryConnectionsAsync("tenant_id = $t AND name = $n", cancellationToken, ("$t", tenantId), ("$n", name)).ConfigureAwait(false)).FirstOrDefault();

    public async Task<IReadOnlyList<Connection>> ListConnectionsAsync(string tenantId, CancellationToken cancellationToken) =>
        await QueryConnectionsAsync("tenant_id = $t ORDER BY name", cancellationToken, ("$t", tenantId)).ConfigureAwait(false);

    public async Task<bool> DeleteConnectionAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        await using var db = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var tools = db.Command("DELETE FROM tools WHERE tenant_id = $t AND connection = $n", transaction, ("$t", tenantId), ("$n", name)))
        {
            await tools.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var delete = db.Command("DELETE FROM connections WHERE tenant_id = $t AND name = $n", transaction, ("$t", tenantId), ("$n", name));
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    public async Task<bool> CreateToolAsync(Tool tool, CancellationToken cancellationToken)
    {
        await using var db = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = db.Command($"INSERT INTO tools ({ToolColumns}) VALUES ({ToolValues})", null, Parameters(tool));
        try
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SqliteException e) when (e.IsUniqueViolation() || e.SqliteExtendedErrorCode == 787)
        {
            return false;
        }
    }

    public async Task<ToolImportResult?> PutToolsAsync(string tenantId, string connection, IReadOnlyList<Tool> tools, CancellationToken cancellationToken)
    {
        if (tools.Any(t => t.TenantId != tenantId || t.Connection != connection))
        {
            throw new ArgumentException("every tool must belong to the given tenant and connection", nameof(tools));
        }

        await using var db = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var exists = db.Command("SELECT 1 FROM connections WHERE tenant_id = $t AND name = $n", transaction, ("$t", tenantId), ("$n", connection)))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }
        }

        int created = 0, updated = 0;
        foreach (var tool in tools)
        {
            await using var update = db.Command(
                """
                UPDATE tools SET method = $method, path = $path, description = $description, input_schema = $schema,
                    parameters = $parameters, body_property = $body, output_rules = COALESCE($rules, output_rules),
                    tags = $tags, risk = COALESCE($risk, risk), updated_at = $updated
                WHERE tenant_id = $tenant AND connection = $connection AND name = $name
                """, transaction, Parameters(tool));
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                updated++;
                continue;
            }

            await using var insert = db.Command($"INSERT INTO tools ({ToolColumns}) VALUES ({ToolValues})", transaction, Parameters(tool));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            created++;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ToolImportResult { Created = created, Updated = updated };
    }

    public async Task<Tool?> FindToolAsync(string tenantId, string connection, string name, CancellationToken cancellationToken) =>
        (await QueryToolsAsync("tenant_id = $t AND connection = $c AND name = $n", cancellationToken, ("$t", tenantId), ("$c", connection), ("$n", name)).ConfigureAwait(false)).FirstOrDefault();

    public async Task<CatalogEntry?> FindEntryAsync(string tenantId, string connection, string name, CancellationToken cancellationToken)
    {
        var tool = await FindToolAsync(tenantId, connection, name, cancellationToken).ConfigureAwait(false);
        var owner = tool is null ? null : await FindConnectionAsync(tenantId, connection, cancellationToken).ConfigureAwait(false);
        return tool is null || owner is null ? null : new CatalogEntry { Connection = owner, Tool = tool };
    }

    public async Task<IReadOnlyList<Tool>> ListToolsAsync(string tenantId, string? connection, CancellationToken cancellationToken) =>
        await QueryToolsAsync("tenant_id = $t AND ($c IS NULL OR connection = $c) ORDER BY connection, name", cancellationToken, ("$t", tenantId), ("$c", connection)).ConfigureAwait(false);

    public async Task<bool> DeleteToolAsync(string tenantId, string connection, string name, CancellationToken cancellationToken)
    {
        await using var db = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = db.Command(
            "DELETE FROM tools WHERE tenant_id = $t AND connection = $c AND name = $n", null, ("$t", tenantId), ("$c", connection), ("$n", name));
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static (string, object?)[] Parameters(Connection connection) =>
    [
        ("$tenant", connection.TenantId), ("$name", connection.Name), ("$url", connection.BaseUrl.AbsoluteUri),
        ("$kind", CatalogWireNames.Of(connection.Auth.Kind)), ("$secret", connection.Auth.SecretName), ("$header", connection.Auth.HeaderName),
        ("$token", connection.Auth.TokenUrl?.AbsoluteUri), ("$scope", connection.Auth.Scope), ("$rules", connection.OutputRules),
        ("$created", connection.CreatedAt.ToText()), ("$updated", connection.UpdatedAt.ToText()),
    ];

    private static (string, object?)[] Parameters(Tool tool) =>
    [
        ("$tenant", tool.TenantId), ("$connection", tool.Connection), ("$name", tool.Name), ("$method", tool.Method), ("$path", tool.Path),
        ("$description", tool.Description), ("$schema", tool.InputSchema),
        ("$parameters", JsonSerializer.Serialize(tool.Parameters.Select(p => new StoredParameter(p.Name, CatalogWireNames.Of(p.In))).ToArray(), CatalogJsonContext.Default.StoredParameterArray)),
        ("$body", tool.BodyProperty), ("$rules", tool.OutputRules), ("$audit", tool.AuditArguments ? 1 : 0),
        ("$tags", JsonSerializer.Serialize(tool.Tags.ToArray(), CatalogJsonContext.Default.StringArray)), ("$risk", tool.Risk),
        ("$created", tool.CreatedAt.ToText()), ("$updated", tool.UpdatedAt.ToText()),
    ];

    private async Task<List<Connection>> QueryConnectionsAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var db = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command($"SELECT {ConnectionColumns} FROM connections WHERE {where}", null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var connections = new List<Connection>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!CatalogWireNames.TryParseAuth(reader.GetString(3), out var kind))
            {
                throw new InvalidDataException($"unknown stored auth kind `{reader.GetString(3)}`");
            }

            connections.Add(new Connection
            {
                TenantId = reader.GetString(0),
                Name = reader.GetString(1),
                BaseUrl = new Uri(reader.GetString(2)),
                Auth = new ConnectionAuth
                {
                    Kind = kind,
                    SecretName = reader.NullableString(4),
                    HeaderName = reader.NullableString(5),
                    TokenUrl = reader.NullableString(6) is { } token ? new Uri(token) : null,
                    Scope = reader.NullableString(7),
                },
                OutputRules = reader.NullableString(8),
                CreatedAt = reader.GetString(9).ToTime(),
                UpdatedAt = reader.GetString(10).ToTime(),
            });
        }

        return connections;
    }

    private async Task<List<Tool>> QueryToolsAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var db = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = db.Command($"SELECT {ToolColumns} FROM tools WHERE {where}", null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tools = new List<Tool>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var stored = JsonSerializer.Deserialize(reader.GetString(7), CatalogJsonContext.Default.StoredParameterArray) ?? [];
            tools.Add(new Tool
            {
                TenantId = reader.GetString(0),
                Connection = reader.GetString(1),
                Name = reader.GetString(2),
                Method = reader.GetString(3),
                Path = reader.GetString(4),
                Description = reader.GetString(5),
                InputSchema = reader.GetString(6),
                Parameters = stored.Select(p => new ToolParameter { Name = p.Name, In = Location(p.In) }).ToArray(),
                BodyProperty = reader.NullableString(8),
                OutputRules = reader.NullableString(9),
                AuditArguments = reader.GetInt64(10) != 0,
                Tags = JsonSerializer.Deserialize(reader.GetString(11), CatalogJsonContext.Default.StringArray) ?? [],
                Risk = reader.NullableString(12),
                CreatedAt = reader.GetString(13).ToTime(),
                UpdatedAt = reader.GetString(14).ToTime(),
            });
        }

        return tools;
    }

    private static ParameterLocation Location(string text) =>
        CatalogWireNames.TryParseLocation(text, out var location) ? location : throw new InvalidDataException($"unknown stored parameter location `{text}`");
}
