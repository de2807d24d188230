using System.Globalization;
using System.Text;
using Dome.Core.Audit;
using Dome.Core.Errors;
using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>
/// The audit trail in the embedded database: the event as JSON plus the columns queries filter on. Pages run
/// newest first; the continuation token is the position of the last event returned (opaque to callers).
/// </summary>
public sealed class SqliteAuditStore(SqliteDatabase database) : IAuditStore
{
    private const string Upsert =
        """
        INSERT INTO audit_events (tenant_id, id, time, agent_id, agent_name, user_id, tool, decision, stage, body)
        VALUES ($t, $id, $time, $a, $n, $u, $tool, $d, $stage, $body)
        ON CONFLICT (tenant_id, id) DO UPDATE SET time = excluded.time, agent_id = excluded.agent_id, agent_name = excluded.agent_name,
            user_id = excluded.user_id, tool = excluded.tool, decision = excluded.decision, stage = excluded.stage, body = excluded.body
        WHERE excluded.stage > audit_events.stage
        """;

    public async Task<bool> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        return await AppendManyAsync([auditEvent], cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The whole batch in one transaction (one commit for a queue message of many events).</summary>
    public async Task<int> AppendManyAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvents);
        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await turn.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var insert = turn.Command(Upsert, transaction,
            ("$t", null), ("$id", null), ("$time", null), ("$a", null), ("$n", null), ("$u", null), ("$tool", null), ("$d", null), ("$stage", null), ("$body", null));
        var stored = 0;
        foreach (var auditEvent in auditEvents)
        {
            Bind(insert, auditEvent);
            stored += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored;
    }

    private static void Bind(SqliteCommand insert, AuditEvent auditEvent)
    {
        var p = insert.Parameters;
        p["$t"].Value = auditEvent.TenantId;
        p["$id"].Value = auditEvent.Id;
        p["$time"].Value = auditEvent.Time.ToText();
        p["$a"].Value = (object?)auditEvent.AgentId ?? DBNull.Value;
        p["$n"].Value = (object?)auditEvent.AgentName ?? DBNull.Value;
        p["$u"].Value = (object?)auditEvent.UserId ?? DBNull.Value;
        p["$tool"].Value = (object?)auditEvent.Tool ?? DBNull.Value;
        p["$d"].Value = auditEvent.Decision;
        p["$stage"].Value = auditEvent.Stage;
        p["$body"].Value = AuditJson.Serialize(auditEvent);
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, 1000);
        long? before = query.ContinuationToken is null ? null : Decode(query.ContinuationToken);
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            """
            SELECT seq, body FROM audit_events
            WHERE tenant_id = $t AND ($before IS NULL OR seq < $before)
              AND ($a IS NULL OR agent_id = $a OR agent_name = $a) AND ($u IS NULL OR user_id = $u) AND ($tool IS NULL OR tool = $tool)
              AND ($d IS NULL OR decision = $d) AND ($since IS NULL OR time >= $since) AND ($until IS NULL OR time < $until)
            ORDER BY seq DESC LIMIT $n
            """,
            null,
            ("$t", query.TenantId), ("$before", before), ("$a", query.Agent), ("$u", query.UserId), ("$tool", query.Tool),
            ("$d", query.Decision), ("$since", query.Since?.ToText()), ("$until", query.Until?.ToText()), ("$n", limit + 1));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<AuditEvent>(limit);
        long last = 0;
        bool more = false;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (events.Count == limit)
            {
                more = true;
                break;
            }

            last = reader.GetInt64(0);
            events.Add(AuditJson.Deserialize(reader.GetString(1)));
        }

        return new AuditPage { Events = events, ContinuationToken = more ? Encode(last) : null };
    }

    private static string Encode(long seq) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes("a1:" + seq.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static long Decode(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith("a1:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq > 0)
            {
                return seq;
            }
        }
        catch (FormatException)
        {
        }

        throw DomeException.Invalid("the continuation token is not one this server issued: pass the `continuationToken` of the previous page unchanged");
    }
}
