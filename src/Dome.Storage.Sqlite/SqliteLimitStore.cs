using System.Globalization;
using Dome.Core.Limits;
using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>Limits and daily quota counters in the embedded database (migration 6).</summary>
public sealed class SqliteLimitStore(SqliteDatabase database) : ILimitStore
{
    private const string Columns = "tenant_id, scope, name, rps, burst, concurrency, daily_quota, updated_at, updated_by";

    public async Task UpsertAsync(LimitPolicy policy, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"""
            INSERT INTO limits ({Columns}) VALUES ($t, $s, $n, $rps, $burst, $concurrency, $quota, $at, $by)
            ON CONFLICT (tenant_id, scope, name) DO UPDATE SET rps = $rps, burst = $burst, concurrency = $concurrency,
                daily_quota = $quota, updated_at = $at, updated_by = $by
            """,
            null,
            ("$t", policy.TenantId), ("$s", LimitScopes.Of(policy.Scope)), ("$n", policy.Name), ("$rps", policy.RequestsPerSecond),
            ("$burst", policy.Burst), ("$concurrency", policy.Concurrency), ("$quota", policy.DailyQuota),
            ("$at", policy.UpdatedAt.ToText()), ("$by", policy.UpdatedBy));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<LimitPolicy?> FindAsync(string tenantId, LimitScope scope, string name, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {Columns} FROM limits WHERE tenant_id = $t AND scope = $s AND name = $n", tenantId, scope, name, cancellationToken).ConfigureAwait(false))
        .FirstOrDefault();

    public Task<IReadOnlyList<LimitPolicy>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM limits WHERE tenant_id = $t AND $s IS NULL AND $n IS NULL", tenantId, null, null, cancellationToken);

    public async Task<bool> DeleteAsync(string tenantId, LimitScope scope, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "DELETE FROM limits WHERE tenant_id = $t AND scope = $s AND name = $n", null,
            ("$t", tenantId), ("$s", LimitScopes.Of(scope)), ("$n", name));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<long> ReserveAsync(QuotaKey key, long amount, long quota, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var used = await UsedAsync(connection, transaction, key, cancellationToken).ConfigureAwait(false);
        var granted = Math.Clamp(quota - used, 0, amount);
        if (granted > 0)
        {
            await using var upsert = connection.Command(
                """
                INSERT INTO quota_usage (tenant_id, scope, name, day, used) VALUES ($t, $s, $n, $d, $g)
                ON CONFLICT (tenant_id, scope, name, day) DO UPDATE SET used = used + $g
                """,
                transaction, Parameters(key, ("$g", granted)));
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return granted;
    }

    public async Task ReleaseAsync(QuotaKey key, long amount, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "UPDATE quota_usage SET used = MAX(0, used - $a) WHERE tenant_id = $t AND scope = $s AND name = $n AND day = $d",
            null, Parameters(key, ("$a", amount)));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> UsedAsync(QuotaKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await UsedAsync(connection, null, key, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> UsedAsync(SqliteConnection connection, SqliteTransaction? transaction, QuotaKey key, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "SELECT used FROM quota_usage WHERE tenant_id = $t AND scope = $s AND name = $n AND day = $d", transaction, Parameters(key));
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
    }

    private static (string, object?)[] Parameters(QuotaKey key, params (string, object?)[] more) =>
    [
        ("$t", key.TenantId), ("$s", LimitScopes.Of(key.Scope)), ("$n", key.Name),
        ("$d", key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), .. more,
    ];

    private async Task<IReadOnlyList<LimitPolicy>> QueryAsync(string sql, string tenantId, LimitScope? scope, string? name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            sql + " ORDER BY CASE scope WHEN 'tenant' THEN 0 WHEN 'agent' THEN 1 WHEN 'customer' THEN 2 ELSE 3 END, name", null,
            ("$t", tenantId), ("$s", scope is null ? null : LimitScopes.Of(scope.Value)), ("$n", name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<LimitPolicy>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!LimitScopes.TryParse(reader.GetString(1), out var stored))
            {
                throw new InvalidDataException($"limit of tenant `{tenantId}` has unknown scope `{reader.GetString(1)}`");
            }

            result.Add(new LimitPolicy
            {
                TenantId = reader.GetString(0),
                Scope = stored,
                Name = reader.GetString(2),
                RequestsPerSecond = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                Burst = reader.IsDBNull(4) ? null : reader.GetInt32(4),
                Concurrency = reader.IsDBNull(5) ? null : reader.GetInt32(5),
                DailyQuota = reader.IsDBNull(6) ? null : reader.GetInt64(6),
                UpdatedAt = reader.GetString(7).ToTime(),
                UpdatedBy = reader.GetString(8),
            });
        }

        return result;
    }
}
