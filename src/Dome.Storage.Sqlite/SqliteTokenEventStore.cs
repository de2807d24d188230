using Dome.Core.Identity;
using Dome.Core.Storage;

namespace Dome.Storage.Sqlite;

/// <summary>The token endpoint's issued and refused exchanges in the embedded database.</summary>
public sealed class SqliteTokenEventStore(SqliteDatabase database) : ITokenEventStore
{
    public async Task AppendAsync(TokenEvent tokenEvent, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.Command(
            "INSERT INTO token_events (id, kind, tenant_id, agent_id, key_id, detail, reason, at) VALUES ($id, $k, $t, $a, $key, $d, $r, $at)", null,
            ("$id", tokenEvent.Id), ("$k", tokenEvent.Kind == TokenEventKind.Issued ? "issued" : "refused"), ("$t", tokenEvent.TenantId),
            ("$a", tokenEvent.AgentId), ("$key", tokenEvent.KeyId), ("$d", tokenEvent.Detail), ("$r", tokenEvent.Reason), ("$at", tokenEvent.At.ToText()));
        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TokenEvent>> ListRecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "SELECT id, kind, tenant_id, agent_id, key_id, detail, reason, at FROM token_events ORDER BY at DESC, rowid DESC LIMIT $l", null, ("$l", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var events = new List<TokenEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new TokenEvent
            {
                Id = reader.GetString(0),
                Kind = reader.GetString(1) == "issued" ? TokenEventKind.Issued : TokenEventKind.Refused,
                TenantId = reader.NullableString(2),
                AgentId = reader.NullableString(3),
                KeyId = reader.NullableString(4),
                Detail = reader.GetString(5),
                Reason = reader.NullableString(6),
                At = reader.GetString(7).ToTime(),
            });
        }

        return events;
    }
}
