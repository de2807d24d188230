using System.Globalization;
using Dome.Core.Queues;
using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>
/// The embedded queue, in the same database as the registry, with Storage Queue semantics: receiving hides a
/// message for a visibility timeout and counts the delivery; only a delete with the current pop receipt removes it.
/// A message's id is its send order (the table's integer key), so a write touches the table and one index, both at
/// their end; the index on (queue, visible_at) ends in that key, so "oldest visible first" is an index walk.
/// </summary>
public sealed class SqliteMessageQueue(SqliteDatabase database, TimeProvider time) : IMessageQueue
{
    private const string MessageColumns = "seq, body, dequeue_count, pop_receipt, inserted_at, visible_at";
    private const string DeleteOne = "DELETE FROM queue_messages WHERE seq = $id AND queue = $q AND pop_receipt = $r";

    public async Task SendAsync(string queue, string body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(queue);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        var command = turn.Command(
            """
            INSERT INTO queue_messages (queue, body, dequeue_count, inserted_at, visible_at) VALUES ($q, $body, 0, $now, $now)
            """,
            null, ("$q", queue), ("$body", body), ("$now", now));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<QueueMessage?> ReceiveAsync(string queue, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        (await ReceiveManyAsync(queue, 1, visibilityTimeout, cancellationToken).ConfigureAwait(false)) is [var message] ? message : null;

    /// <remarks>
    /// Oldest first by the time a message became visible, then by send order: the index on (queue, visible_at, seq)
    /// finds them without sorting the queue's backlog (ordering by seq alone scanned every visible message).
    /// </remarks>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveManyAsync(string queue, int max, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();

        // Look before taking the write lock: polling an empty queue (the dispatcher does, all the time) stays a read.
        await using (var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var ready = connection.Command("SELECT 1 FROM queue_messages WHERE queue = $q AND visible_at <= $now LIMIT 1", null, ("$q", queue), ("$now", now)))
        {
            if (await ready.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                return [];
            }
        }

        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        var command = turn.Command(
            $"""
            UPDATE queue_messages SET dequeue_count = dequeue_count + 1, pop_receipt = $receipt || '.' || seq, visible_at = $until
            WHERE seq IN (SELECT seq FROM queue_messages WHERE queue = $q AND visible_at <= $now ORDER BY visible_at, seq LIMIT $max)
            RETURNING {MessageColumns}
            """,
            null, ("$receipt", Guid.NewGuid().ToString("N")), ("$until", now + (long)visibilityTimeout.TotalMilliseconds), ("$q", queue), ("$now", now), ("$max", max));
        var received = new List<(long Order, QueueMessage Message)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                received.Add((reader.GetInt64(0), Read(reader)));
            }
        }

        // RETURNING does not promise an order: send order within the batch.
        received.Sort((a, b) => a.Order.CompareTo(b.Order));
        return received.ConvertAll(r => r.Message);
    }

    public async Task<bool> DeleteAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken)
    {
        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        return await turn.Command(DeleteOne, null, ("$q", queue), ("$id", Key(messageId)), ("$r", popReceipt))
            .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>All in one transaction (one commit for a dispatcher's batch).</summary>
    public async Task<int> DeleteManyAsync(string queue, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return 0;
        }

        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await turn.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        foreach (var message in messages)
        {
            deleted += await turn.Command(DeleteOne, transaction, ("$q", queue), ("$id", Key(message.Id)), ("$r", message.PopReceipt))
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return deleted;
    }

    public async Task<bool> ReleaseAsync(string queue, string messageId, string popReceipt, TimeSpan delay, CancellationToken cancellationToken)
    {
        var visibleAt = time.GetUtcNow().Add(delay).ToUnixTimeMilliseconds();
        using var turn = await database.EnterWriteAsync(cancellationToken).ConfigureAwait(false);
        var command = turn.Command(
            "UPDATE queue_messages SET visible_at = $v, pop_receipt = NULL WHERE seq = $id AND queue = $q AND pop_receipt = $r", null,
            ("$v", visibleAt), ("$q", queue), ("$id", Key(messageId)), ("$r", popReceipt));
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

    /// <summary>The table key of a message id; null (matching nothing) for an id this queue never issued.</summary>
    private static long? Key(string messageId) =>
        long.TryParse(messageId, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null;

    private static QueueMessage Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
        Body = reader.GetString(1),
        DequeueCount = reader.GetInt32(2),
        PopReceipt = reader.NullableString(3) ?? string.Empty,
        InsertedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
        NextVisibleAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
    };
}
