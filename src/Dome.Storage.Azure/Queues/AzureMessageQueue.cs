using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Dome.Core.Queues;

namespace Dome.Storage.Azure.Queues;

/// <summary>
/// <see cref="IMessageQueue"/> on Azure Storage Queues. Bodies travel as base64 of their UTF-8 bytes, which is what
/// the Functions queue trigger decodes by default, so the host hands the function the very text that was sent.
/// A queue is created (idempotently) the first time this process sends to it; reading a queue that does not exist
/// yet finds nothing.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Visibility timeouts are whole seconds (the service's unit), rounded up. Receiving with a zero timeout
/// receives for one second and then makes the message visible again at once, which gives it a new pop receipt.</item>
/// <item><see cref="CountAsync"/> is the service's <c>x-ms-approximate-messages-count</c>: visible and invisible
/// messages alike, and "not lower than the actual number" — the service may still count a message deleted a moment
/// ago. It is exact on Azurite; treat it as an estimate on Azure (operators, dashboards), never as a condition.</item>
/// <item><see cref="PeekAsync"/> sees visible messages only (the service's peek), at most 32; peeked messages
/// carry no pop receipt (<see cref="QueueMessage.PopReceipt"/> is empty).</item>
/// <item>A message's base64 text must fit the service's 64 KiB: bodies over 48 KiB of UTF-8 are refused.</item>
/// </list>
/// </remarks>
internal sealed partial class AzureMessageQueue(QueueServiceClient client) : IMessageQueue
{
    /// <summary>The service's limit on a message's text (base64 of the body).</summary>
    public const int MaxMessageText = 64 * 1024;

    private const int MaxPeek = 32;

    /// <summary>The most messages one Get Messages request returns.</summary>
    private const int MaxMessagesPerReceive = 32;

    private readonly ConcurrentDictionary<string, bool> created = new(StringComparer.Ordinal);

    public async Task SendAsync(string queue, string body, CancellationToken cancellationToken)
    {
        ValidateName(queue);
        ArgumentNullException.ThrowIfNull(body);
        var text = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        if (text.Length > MaxMessageText)
        {
            throw new ArgumentException($"a message for queue `{queue}` is {text.Length} characters once base64-encoded; storage queues accept at most {MaxMessageText}", nameof(body));
        }

        if (!created.ContainsKey(queue))
        {
            await client.CreateQueueAsync(queue, cancellationToken).ConfigureAwait(false);
            created[queue] = true;
        }

        if (!await client.PutMessageAsync(queue, text, cancellationToken).ConfigureAwait(false))
        {
            // Deleted since this process created it: create it again and send once more.
            await client.CreateQueueAsync(queue, cancellationToken).ConfigureAwait(false);
            if (!await client.PutMessageAsync(queue, text, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"queue `{queue}` disappeared while a message was sent to it");
            }
        }
    }

    public async Task<QueueMessage?> ReceiveAsync(string queue, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ValidateName(queue);
        var seconds = Seconds(visibilityTimeout);
        var messages = await client.GetMessagesAsync(queue, 1, Math.Max(1, seconds), cancellationToken).ConfigureAwait(false);
        if (messages is not [var wire])
        {
            return null;
        }

        var message = Map(wire);
        if (seconds == 0)
        {
            var updated = await client.UpdateVisibilityAsync(queue, wire.MessageId, wire.PopReceipt!, 0, cancellationToken).ConfigureAwait(false);
            if (updated is { } visible)
            {
                message = message with { PopReceipt = visible.PopReceipt, NextVisibleAt = visible.NextVisible };
            }
        }

        return message;
    }

    /// <remarks>One Get Messages request (at most 32, the service's limit per request).</remarks>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveManyAsync(string queue, int max, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (max == 1 || Seconds(visibilityTimeout) == 0)
        {
            // A zero timeout needs a visibility update per message (the service hides for at least a second).
            return await ReceiveAsync(queue, visibilityTimeout, cancellationToken).ConfigureAwait(false) is { } one ? [one] : [];
        }

        ValidateName(queue);
        var messages = await client.GetMessagesAsync(queue, Math.Min(max, MaxMessagesPerReceive), Seconds(visibilityTimeout), cancellationToken).ConfigureAwait(false);
        return messages is null ? [] : messages.Select(Map).ToArray();
    }

    /// <remarks>The service deletes one message per request.</remarks>
    public async Task<int> DeleteManyAsync(string queue, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var deleted = 0;
        foreach (var message in messages)
        {
            deleted += await DeleteAsync(queue, message.Id, message.PopReceipt, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return deleted;
    }

    public Task<bool> DeleteAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken)
    {
        ValidateName(queue);
        return client.DeleteMessageAsync(queue, messageId, popReceipt, cancellationToken);
    }

    public async Task<bool> ReleaseAsync(string queue, string messageId, string popReceipt, TimeSpan delay, CancellationToken cancellationToken)
    {
        ValidateName(queue);
        return await client.UpdateVisibilityAsync(queue, messageId, popReceipt, Seconds(delay), cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task<int> CountAsync(string queue, CancellationToken cancellationToken)
    {
        ValidateName(queue);
        return await client.ApproximateCountAsync(queue, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    public async Task<IReadOnlyList<QueueMessage>> PeekAsync(string queue, int max, CancellationToken cancellationToken)
    {
        ValidateName(queue);
        if (max <= 0)
        {
            return [];
        }

        var messages = await client.PeekMessagesAsync(queue, Math.Min(max, MaxPeek), cancellationToken).ConfigureAwait(false);
        return messages is null ? [] : [.. messages.Select(Map)];
    }

    /// <summary>The service's rule: 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
    public static void ValidateName(string queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        if (!QueueNamePattern().IsMatch(queue) || queue.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"`{queue}` is not a storage queue name (3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit)", nameof(queue));
        }
    }

    private static QueueMessage Map(QueueWireMessage wire) => new()
    {
        Id = wire.MessageId,
        PopReceipt = wire.PopReceipt ?? string.Empty,
        Body = Decode(wire.MessageText),
        DequeueCount = wire.DequeueCount,
        InsertedAt = wire.InsertionTime,
        NextVisibleAt = wire.TimeNextVisible ?? wire.InsertionTime,
    };

    /// <summary>The body of a message text: base64 of UTF-8 as Dome and the Functions host write it; text that is not base64 (a message put there by hand) is taken as it is.</summary>
    private static string Decode(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : text;
    }

    private static int Seconds(TimeSpan timeout) => timeout <= TimeSpan.Zero ? 0 : (int)Math.Min(Math.Ceiling(timeout.TotalSeconds), 7 * 24 * 3600);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex QueueNamePattern();
}
