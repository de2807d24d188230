using System.Text.Json;
using Dome.Core.Policy;
using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>Policy set versions, the active version and escalation settings per tenant.</summary>
public sealed class SqlitePolicyStore(SqliteDatabase database) : IPolicyStore
{
    public async Task ActivateAsync(PolicyVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var files = JsonSerializer.Serialize(new Dictionary<string, string>(version.Files), PolicyStorageJsonContext.Default.DictionaryStringString);
        await using (var insert = connection.Command(
            """
            INSERT INTO policy_versions (tenant_id, hash, files, schema_text, published_by, published_at, activated_at)
            VALUES ($t, $h, $f, $s, $by, $at, $at)
            ON CONFLICT (tenant_id, hash) DO UPDATE SET activated_at = excluded.activated_at
            """,
            transaction,
            ("$t", version.TenantId), ("$h", version.Hash), ("$f", files), ("$s", version.Schema), ("$by", version.PublishedBy), ("$at", version.PublishedAt.ToText())))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var active = connection.Command(
            "INSERT INTO policy_active (tenant_id, hash) VALUES ($t, $h) ON CONFLICT (tenant_id) DO UPDATE SET hash = excluded.hash",
            transaction, ("$t", version.TenantId), ("$h", version.Hash)))
        {
            await active.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<PolicyVersion?> GetActiveAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.Command(
            """
            SELECT v.hash, v.files, v.schema_text, v.published_by, v.published_at
            FROM policy_active a JOIN policy_versions v ON v.tenant_id = a.tenant_id AND v.hash = a.hash
            WHERE a.tenant_id = $t
            """,
            null, ("$t", tenantId));
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new PolicyVersion
        {
            TenantId = tenantId,
            Hash = reader.GetString(0),
            Files = new SortedDictionary<string, string>(
                JsonSerializer.Deserialize(reader.GetString(1), PolicyStorageJsonContext.Default.DictionaryStringString) ?? [], StringComparer.Ordinal),
            Schema = reader.GetString(2),
            PublishedBy = reader.GetString(3),
            PublishedAt = reader.GetString(4).ToTime(),
        };
    }

    public async Task<string?> GetActiveHashAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.Command("SELECT hash FROM policy_active WHERE tenant_id = $t", null, ("$t", tenantId));
        return await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public async Task<IReadOnlyList<PolicyVersionSummary>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.Command(
            """
            SELECT v.hash, v.files, v.published_by, v.published_at, v.activated_at, a.hash IS NOT NULL
            FROM policy_versions v LEFT JOIN policy_active a ON a.tenant_id = v.tenant_id AND a.hash = v.hash
            WHERE v.tenant_id = $t ORDER BY v.activated_at DESC
            """,
            null, ("$t", tenantId));
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<PolicyVersionSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var files = JsonSerializer.Deserialize(reader.GetString(1), PolicyStorageJsonContext.Default.DictionaryStringString) ?? [];
            list.Add(new PolicyVersionSummary
            {
                Hash = reader.GetString(0),
                FileNames = files.Keys.Order(StringComparer.Ordinal).ToArray(),
                PublishedBy = reader.GetString(2),
                PublishedAt = reader.GetString(3).ToTime(),
                ActivatedAt = reader.GetString(4).ToTime(),
                Active = reader.GetBoolean(5),
            });
        }

        return list;
    }

    public async Task<PolicySettings> GetSettingsAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.Command(
            "SELECT judge_url, judge_timeout_ms, approval_lifetime_seconds FROM policy_settings WHERE tenant_id = $t", null, ("$t", tenantId));
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return PolicySettings.None;
        }

        return new PolicySettings
        {
            JudgeUrl = reader.NullableString(0),
            JudgeTimeoutMs = reader.IsDBNull(1) ? null : reader.GetInt32(1),
            ApprovalLifetimeSeconds = reader.IsDBNull(2) ? null : reader.GetInt32(2),
        };
    }

    public async Task SetSettingsAsync(string tenantId, PolicySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var upsert = connection.Command(
            """
            INSERT INTO policy_settings (tenant_id, judge_url, judge_timeout_ms, approval_lifetime_seconds) VALUES ($t, $u, $j, $l)
            ON CONFLICT (tenant_id) DO UPDATE SET judge_url = excluded.judge_url, judge_timeout_ms = excluded.judge_timeout_ms,
                approval_lifetime_seconds = excluded.approval_lifetime_seconds
            """,
            null, ("$t", tenantId), ("$u", settings.JudgeUrl), ("$j", settings.JudgeTimeoutMs), ("$l", settings.ApprovalLifetimeSeconds));
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
