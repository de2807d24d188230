using Dome.Core.Queues;
using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>
/// The embedded queue, in the same database as the registry, with Storage Queue semantics: receiving hides a
/// message for a visibility timeout and counts the delivery; only a delete with the current pop receipt removes it.
/// </summary>
public sealed class SqliteMessageQueue(SqliteDatabase database, TimeProvider time) : IMessageQueue
{
    private const string MessageColumns = "id, body, dequeue_count, pop_receipt, inserted_at, visible_at";

    public async Task SendAsync(string queue, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            """
            INSERT INTO queue_messages (id, queue, body, dequeue_count, inserted_at, visible_at, seq)
            VALUES ($id, $q, $body, 0, $now, $now, (SELECT COALESCE(MAX(seq), 0) + 1 FROM queue_messages))
            """,
            null, ("$id", Guid.NewGuid().ToString("N")), ("$q", queue), ("$body", body), ("$now", now));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<QueueMessage?> ReceiveAsync(string queue, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // Look before taking the write lock: polling an empty queue (the dispatcher does, all the time) stays a read.
        await using (var ready = connection.Command("SELECT 1 FROM queue_messages WHERE queue = $q AND visible_at <= $now LIMIT 1", null, ("$q", queue), ("$now", now)))
        {
            if (await ready.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return null;
            }
        }

        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"""
            UPDATE queue_messages SET dequeue_count = dequeue_count + 1, pop_receipt = $receipt, visible_at = $until
            WHERE id = (SELECT id FROM queue_messages WHERE queue = $q AND visible_at <= $now ORDER BY seq LIMIT 1)
            RETURNING {MessageColumns}
            """,
            null, ("$receipt", Guid.NewGuid().ToString("N")), ("$until", now + (long)visibilityTimeout.TotalMilliseconds), ("$q", queue), ("$now", now));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<bool> DeleteAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "DELETE FROM queue_messages WHERE queue = $q AND id = $id AND pop_receipt = $r", null,
            ("$q", queue), ("$id", messageId), ("$r", popReceipt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<bool> ReleaseAsync(string queue, string messageId, string popReceipt, TimeSpan delay, CancellationToken cancellationToken)
    {
        var visibleAt = time.GetUtcNow().Add(delay).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "UPDATE queue_messages SET visible_at = $v, pop_receipt = NULL WHERE queue = $q AND id = $id AND pop_receipt = $r", null,
            ("$v", visibleAt), ("$q", queue), ("$id", messageId), ("$r", popReceipt));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<int> CountAsync(string queue, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT COUNT(*) FROM queue_messages WHERE queue = $q", null, ("$q", queue));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<QueueMessage>> PeekAsync(string queue, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            $"SELECT {MessageColumns} FROM queue_messages WHERE queue = $q ORDER BY seq LIMIT $max", null, ("$q", queue), ("$max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<QueueMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private static QueueMessage Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Body = reader.GetString(1),
        DequeueCount = reader.GetInt32(2),
        PopReceipt = reader.NullableString(3) ?? string.Empty,
        InsertedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        NextVisibleAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
    };
}
