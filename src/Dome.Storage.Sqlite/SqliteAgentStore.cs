using System.Text.Json;
using Dome.Core.Lifecycle;
using Dome.Core.Registry;
using Dome.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>Agents and their append-only history in the embedded database.</summary>
public sealed class SqliteAgentStore(SqliteDatabase database) : IAgentStore
{
    private const string Columns =
        "id, tenant_id, workspace, name, owner, tier, status, tools, model_pools, integrations, require_act_as, allowed_parents, key_id, created_at, updated_at, version, key_hash";

    public async Task<bool> CreateAsync(Agent agent, string keyHash, AgentEvent registered, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var insert = connection.Command(
                $"INSERT INTO agents ({Columns}) VALUES ($id, $tenant, $ws, $name, $owner, $tier, $status, $tools, $pools, $integrations, $actas, $parents, $keyid, $created, $updated, $version, $hash)",
                transaction, [.. Parameters(agent), ("$hash", keyHash)]))
            {
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await InsertEventAsync(connection, transaction, registered, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            return false;
        }
    }

    public async Task<Agent?> FindAsync(string tenantId, string workspace, string name, CancellationToken cancellationToken) =>
        (await QueryAsync("tenant_id = $t AND workspace = $w AND name = $n", cancellationToken, ("$t", tenantId), ("$w", workspace), ("$n", name)).ConfigureAwait(false))
        .Select(row => row.Agent).FirstOrDefault();

    public async Task<Agent?> FindByIdAsync(string tenantId, string agentId, CancellationToken cancellationToken) =>
        (await QueryAsync("tenant_id = $t AND id = $id", cancellationToken, ("$t", tenantId), ("$id", agentId)).ConfigureAwait(false))
        .Select(row => row.Agent).FirstOrDefault();

    public async Task<(Agent Agent, string KeyHash)?> FindByKeyIdAsync(string keyId, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync("key_id = $k", cancellationToken, ("$k", keyId)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<Agent>> ListAsync(string tenantId, string? workspace, string? owner, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "tenant_id = $t AND ($w IS NULL OR workspace = $w) AND ($o IS NULL OR owner = $o) ORDER BY workspace, name",
            cancellationToken, ("$t", tenantId), ("$w", workspace), ("$o", owner)).ConfigureAwait(false))
        .Select(row => row.Agent).ToArray();

    public async Task<bool> UpdateAsync(Agent agent, long expectedVersion, AgentEvent change, string? newKeyHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var update = connection.Command(
            """
            UPDATE agents SET tier = $tier, status = $status, tools = $tools, model_pools = $pools, integrations = $integrations,
                require_act_as = $actas, allowed_parents = $parents, key_id = $keyid, key_hash = COALESCE($hash, key_hash),
                updated_at = $updated, version = $version
            WHERE id = $id AND tenant_id = $tenant AND version = $expected
            """,
            transaction, [.. Parameters(agent), ("$hash", newKeyHash), ("$expected", expectedVersion)]))
        {
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                return false;
            }
        }

        try
        {
            await InsertEventAsync(connection, transaction, change, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.IsUniqueViolation())
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<AgentEvent>> ListEventsAsync(string tenantId, string agentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            """
            SELECT e.seq, e.kind, e.from_status, e.to_status, e.actor, e.at, e.processed_at
            FROM agent_events e JOIN agents a ON a.id = e.agent_id
            WHERE a.tenant_id = $t AND e.agent_id = $id ORDER BY e.seq
            """, null, ("$t", tenantId), ("$id", agentId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<AgentEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new AgentEvent
            {
                Sequence = reader.GetInt64(0),
                AgentId = agentId,
                Kind = Enum.Parse<AgentEventKind>(reader.GetString(1)),
                From = reader.NullableString(2) is { } from ? Status(from) : null,
                To = Status(reader.GetString(3)),
                Actor = reader.GetString(4),
                At = reader.GetString(5).ToTime(),
                ProcessedAt = reader.NullableString(6)?.ToTime(),
            });
        }

        return events;
    }

    public async Task<IReadOnlyList<LifecycleMessage>> ListUnprocessedEventsAsync(DateTimeOffset before, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            """
            SELECT e.agent_id, e.seq, e.kind, e.from_status, e.to_status, e.actor, e.at, a.tenant_id, a.name, a.workspace
            FROM agent_events e JOIN agents a ON a.id = e.agent_id
            WHERE e.processed_at IS NULL AND e.at < $before AND (e.redeliver_after IS NULL OR e.redeliver_after <= $now)
            ORDER BY e.at, e.agent_id, e.seq LIMIT $limit
            """, null, ("$before", before.ToText()), ("$now", now.ToText()), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var messages = new List<LifecycleMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var change = new AgentEvent
            {
                AgentId = reader.GetString(0),
                Sequence = reader.GetInt64(1),
                Kind = Enum.Parse<AgentEventKind>(reader.GetString(2)),
                From = reader.NullableString(3) is { } from ? Status(from) : null,
                To = Status(reader.GetString(4)),
                Actor = reader.GetString(5),
                At = reader.GetString(6).ToTime(),
            };
            messages.Add(LifecycleMessage.Of(reader.GetString(7), reader.GetString(8), reader.GetString(9), change));
        }

        return messages;
    }

    public async Task<bool> MarkEventProcessedAsync(string tenantId, string agentId, long sequence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            """
            UPDATE agent_events SET processed_at = COALESCE(processed_at, $at)
            WHERE agent_id = $id AND seq = $seq AND EXISTS (SELECT 1 FROM agents WHERE id = $id AND tenant_id = $t)
            """, null, ("$at", at.ToText()), ("$id", agentId), ("$seq", sequence), ("$t", tenantId));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> DeferRedeliveryAsync(string tenantId, string agentId, long sequence, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            """
            UPDATE agent_events SET redeliver_after = $until
            WHERE agent_id = $id AND seq = $seq AND EXISTS (SELECT 1 FROM agents WHERE id = $id AND tenant_id = $t)
            """, null, ("$until", until.ToText()), ("$id", agentId), ("$seq", sequence), ("$t", tenantId));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static async Task InsertEventAsync(SqliteConnection connection, SqliteTransaction transaction, AgentEvent change, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            "INSERT INTO agent_events (agent_id, seq, kind, from_status, to_status, actor, at) VALUES ($id, $seq, $kind, $from, $to, $actor, $at)",
            transaction,
            ("$id", change.AgentId), ("$seq", change.Sequence), ("$kind", change.Kind.ToString()),
            ("$from", change.From is { } from ? WireNames.Of(from) : null), ("$to", WireNames.Of(change.To)),
            ("$actor", change.Actor), ("$at", change.At.ToText()));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static (string, object?)[] Parameters(Agent agent) =>
    [
        ("$id", agent.Id), ("$tenant", agent.TenantId), ("$ws", agent.Workspace), ("$name", agent.Name), ("$owner", agent.Owner),
        ("$tier", WireNames.Of(agent.Tier)), ("$status", WireNames.Of(agent.Status)),
        ("$tools", Json(agent.Capabilities.Tools)), ("$pools", Json(agent.Capabilities.ModelPools)), ("$integrations", Json(agent.Capabilities.Integrations)),
        ("$actas", WireNames.Of(agent.RequireActAs)), ("$parents", Json(agent.AllowedParents)), ("$keyid", agent.KeyId),
        ("$created", agent.CreatedAt.ToText()), ("$updated", agent.UpdatedAt.ToText()), ("$version", agent.Version),
    ];

    private async Task<List<(Agent Agent, string KeyHash)>> QueryAsync(string where, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command($"SELECT {Columns} FROM agents WHERE {where}", null, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(Agent, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((Read(reader), reader.GetString(16)));
        }

        return rows;
    }

    private static Agent Read(SqliteDataReader reader)
    {
        WireNames.TryParseTier(reader.GetString(5), out var tier);
        WireNames.TryParseActAs(reader.GetString(10), out var actAs);
        return new Agent
        {
            Id = reader.GetString(0),
            TenantId = reader.GetString(1),
            Workspace = reader.GetString(2),
            Name = reader.GetString(3),
            Owner = reader.GetString(4),
            Tier = tier,
            Status = Status(reader.GetString(6)),
            Capabilities = new Capabilities { Tools = List(reader.GetString(7)), ModelPools = List(reader.GetString(8)), Integrations = List(reader.GetString(9)) },
            RequireActAs = actAs,
            AllowedParents = List(reader.GetString(11)),
            KeyId = reader.GetString(12),
            CreatedAt = reader.GetString(13).ToTime(),
            UpdatedAt = reader.GetString(14).ToTime(),
            Version = reader.GetInt64(15),
        };
    }

    private static AgentStatus Status(string text) =>
        WireNames.TryParseStatus(text, out var status) ? status : throw new InvalidDataException($"stored agent status `{text}` is unknown");

    private static string Json(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, StorageJsonContext.Default.IReadOnlyListString);

    private static string[] List(string json) => JsonSerializer.Deserialize(json, StorageJsonContext.Default.StringArray) ?? [];
}
