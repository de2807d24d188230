namespace Dome.Core.Queues;

/// <summary>
/// At-least-once queues with Storage Queue semantics: a received message is invisible for a while,
/// its dequeue count grows with each delivery, and it is gone only when deleted.
/// </summary>
public interface IMessageQueue
{
    Task SendAsync(string queue, string body, CancellationToken cancellationToken);

    /// <summary>The next visible message, now hidden for <paramref name="visibilityTimeout"/>; null when none is visible.</summary>
    Task<QueueMessage?> ReceiveAsync(string queue, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> visible messages (oldest first, as far as the queue keeps an order), each now hidden
    /// for <paramref name="visibilityTimeout"/>; empty when none is visible.
    /// </summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveManyAsync(string queue, int max, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Deletes a received message; false when the pop receipt no longer matches.</summary>
    Task<bool> DeleteAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken);

    /// <summary>Deletes received messages (their ids and pop receipts); how many were deleted (a message whose pop receipt no longer matches stays).</summary>
    Task<int> DeleteManyAsync(string queue, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken);

    /// <summary>Makes a received message visible again after <paramref name="delay"/>.</summary>
    Task<bool> ReleaseAsync(string queue, string messageId, string popReceipt, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>How many messages the queue holds, visible or not.</summary>
    Task<int> CountAsync(string queue, CancellationToken cancellationToken);

    /// <summary>Reads messages without receiving them (for operators and tests).</summary>
    Task<IReadOnlyList<QueueMessage>> PeekAsync(string queue, int max, CancellationToken cancellationToken);
}
