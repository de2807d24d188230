using Dome.Core.Queues;
using Dome.Functions.Tests.Gateway;

namespace Dome.Functions.Tests.Endpoints;

/// <summary>
/// The real message queue, refusing sends to <c>dome-lifecycle</c> like an unreachable queue while
/// <see cref="Switch.Down"/> (a switchable wrapper: a real queue outage cannot be produced on demand).
/// </summary>
internal sealed class FaultyLifecycleQueue(IMessageQueue inner, Switch outage) : IMessageQueue
{
    public Task SendAsync(string queue, string body, CancellationToken cancellationToken)
    {
        if (queue == QueueNames.Lifecycle)
        {
            outage.ThrowIfDown("the lifecycle queue");
        }

        return inner.SendAsync(queue, body, cancellationToken);
    }

    public Task<QueueMessage?> ReceiveAsync(string queue, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(queue, visibilityTimeout, cancellationToken);

    public Task<IReadOnlyList<QueueMessage>> ReceiveManyAsync(string queue, int max, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        inner.ReceiveManyAsync(queue, max, visibilityTimeout, cancellationToken);

    public Task<int> DeleteManyAsync(string queue, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken) =>
        inner.DeleteManyAsync(queue, messages, cancellationToken);

    public Task<bool> DeleteAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken) =>
        inner.DeleteAsync(queue, messageId, popReceipt, cancellationToken);

    public Task<bool> ReleaseAsync(string queue, string messageId, string popReceipt, TimeSpan delay, CancellationToken cancellationToken) =>
        inner.ReleaseAsync(queue, messageId, popReceipt, delay, cancellationToken);

    public Task<int> CountAsync(string queue, CancellationToken cancellationToken) => inner.CountAsync(queue, cancellationToken);

    public Task<IReadOnlyList<QueueMessage>> PeekAsync(string queue, int max, CancellationToken cancellationToken) =>
        inner.PeekAsync(queue, max, cancellationToken);
}
