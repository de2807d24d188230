using System.Text.Json;
using Dome.Core.Approvals;
using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>Approval requests in the embedded database; decisions are compare-and-set on the status.</summary>
public sealed class SqliteApprovalStore(SqliteDatabase database) : IApprovalStore
{
    private const string Columns = "id, tenant_id, agent_id, user_id, tool, arguments_hash, reason, policy_ids, intent, status, created_at, expires_at, decided_by, decided_at, comment";

    public async Task CreateAsync(Approval approval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.Command(
            $"INSERT INTO approvals ({Columns}) VALUES ($id, $t, $a, $u, $tool, $h, $r, $p, $i, $s, $c, $e, $by, $at, $cm)",
            null,
            ("$id", approval.Id), ("$t", approval.TenantId), ("$a", approval.AgentId), ("$u", approval.UserId), ("$tool", approval.Tool),
            ("$h", approval.ArgumentsHash), ("$r", approval.Reason),
            ("$p", JsonSerializer.Serialize(approval.PolicyIds, PolicyStorageJsonContext.Default.IReadOnlyListString)),
            ("$i", approval.Intent), ("$s", ApprovalStatusNames.Of(approval.Status)), ("$c", approval.CreatedAt.ToText()), ("$e", approval.ExpiresAt.ToText()),
            ("$by", approval.DecidedBy), ("$at", approval.DecidedAt?.ToText()), ("$cm", approval.Comment));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Approval?> GetAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await GetAsync(connection, tenantId, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Approval>> ListAsync(string tenantId, ApprovalStatus? status, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.Command(
            $"SELECT {Columns} FROM approvals WHERE tenant_id = $t AND ($s IS NULL OR status = $s) ORDER BY created_at DESC, id LIMIT $n",
            null, ("$t", tenantId), ("$s", status is { } s ? ApprovalStatusNames.Of(s) : null), ("$n", limit));
        return await ReadAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Approval?> DecideAsync(string tenantId, string id, ApprovalStatus decision, string decidedBy, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var update = connection.Command(
            "UPDATE approvals SET status = $s, decided_by = $by, decided_at = $at, comment = $cm WHERE tenant_id = $t AND id = $id AND status = 'pending'",
            null, ("$s", ApprovalStatusNames.Of(decision)), ("$by", decidedBy), ("$at", at.ToText()), ("$cm", comment), ("$t", tenantId), ("$id", id)))
        {
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return await GetAsync(connection, tenantId, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> ConsumeAsync(string tenantId, string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.Command(
            "UPDATE approvals SET status = 'used' WHERE tenant_id = $t AND id = $id AND status = 'approved' AND expires_at > $at",
            null, ("$t", tenantId), ("$id", id), ("$at", at.ToText()));
        return await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task<Approval?> GetAsync(SqliteConnection connection, string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var query = connection.Command($"SELECT {Columns} FROM approvals WHERE tenant_id = $t AND id = $id", null, ("$t", tenantId), ("$id", id));
        return (await ReadAsync(query, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    private static async Task<IReadOnlyList<Approval>> ReadAsync(SqliteCommand query, CancellationToken cancellationToken)
    {
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Approval>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Approval
            {
                Id = reader.GetString(0),
                TenantId = reader.GetString(1),
                AgentId = reader.GetString(2),
                UserId = reader.NullableString(3),
                Tool = reader.GetString(4),
                ArgumentsHash = reader.GetString(5),
                Reason = reader.GetString(6),
                PolicyIds = JsonSerializer.Deserialize(reader.GetString(7), PolicyStorageJsonContext.Default.StringArray) ?? [],
                Intent = reader.NullableString(8),
                Status = Status(reader.GetString(9)),
                CreatedAt = reader.GetString(10).ToTime(),
                ExpiresAt = reader.GetString(11).ToTime(),
                DecidedBy = reader.NullableString(12),
                DecidedAt = reader.NullableString(13)?.ToTime(),
                Comment = reader.NullableString(14),
            });
        }

        return list;
    }

    private static ApprovalStatus Status(string text) => ApprovalStatusNames.TryParse(text, out var status)
        ? status
        : throw new InvalidDataException($"unknown approval status `{text}` in the database");
}
