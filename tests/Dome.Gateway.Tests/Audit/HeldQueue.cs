using Dome.Core.Queues;

namespace Dome.Gateway.Tests.Audit;

/// <summary>
/// The real SQLite queue with a hand on its send: while <see cref="Hold"/> is set the next send waits until
/// <see cref="Release"/> (so a test can make events pile up behind a write in progress, as under load), and while
/// <see cref="Down"/> sends fail like an unreachable queue. Everything else is the real queue.
/// </summary>
internal sealed class HeldQueue(IMessageQueue inner) : IMessageQueue
{
    private readonly SemaphoreSlim entered = new(0);
    private TaskCompletionSource? held;
    private TaskCompletionSource? released;

    public bool Down { get; set; }

    public int Sends { get; private set; }

    /// <summary>The next send waits for <see cref="Release"/>.</summary>
    public void Hold() => held = released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => released?.TrySetResult();

    /// <summary>Completes when a send has reached the hold.</summary>
    public Task WaitUntilHeldAsync(CancellationToken cancellationToken) => entered.WaitAsync(cancellationToken);

    public async Task SendAsync(string queue, string body, CancellationToken cancellationToken)
    {
        Sends++;
        if (held is { } hold)
        {
            held = null;
            entered.Release();
            await hold.Task.ConfigureAwait(false);
        }

        if (Down)
        {
            throw new IOException("the queue is unreachable");
        }

        await inner.SendAsync(queue, body, cancellationToken).ConfigureAwait(false);
    }

    public Task<QueueMessage?> ReceiveAsync(string queue, TimeSpan visibilityTimeout, CancellationToken cancellationToken) => inner.ReceiveAsync(queue, visibilityTimeout, cancellationToken);

    public Task<IReadOnlyList<QueueMessage>> ReceiveManyAsync(string queue, int max, TimeSpan visibilityTimeout, CancellationToken cancellationToken) => inner.ReceiveManyAsync(queue, max, visibilityTimeout, cancellationToken);

    public Task<int> DeleteManyAsync(string queue, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken) => inner.DeleteManyAsync(queue, messages, cancellationToken);

    public Task<bool> DeleteAsync(string queue, string messageId, string popReceipt, CancellationToken cancellationToken) => inner.DeleteAsync(queue, messageId, popReceipt, cancellationToken);

    public Task<bool> ReleaseAsync(string queue, string messageId, string popReceipt, TimeSpan delay, CancellationToken cancellationToken) => inner.ReleaseAsync(queue, messageId, popReceipt, delay, cancellationToken);

    public Task<int> CountAsync(string queue, CancellationToken cancellationToken) => inner.CountAsync(queue, cancellationToken);

    public Task<IReadOnlyList<QueueMessage>> PeekAsync(string queue, int max, CancellationToken cancellationToken) => inner.PeekAsync(queue, max, cancellationToken);
}
