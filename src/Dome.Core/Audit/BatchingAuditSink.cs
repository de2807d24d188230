using System.Buffers;
using Dome.Core.Queues;

namespace Dome.Core.Audit;

/// <summary>
/// Group commit for the audit trail: everything that accumulates while a write to the <c>dome-audit</c> queue runs
/// goes into the next write as ONE message (a JSON array of events, at most <see cref="MaxMessageBytes"/> and
/// <see cref="MaxEvents"/>), and each caller's task completes only once the message holding its event is durable.
/// A call arriving while no write runs writes at once, on its own thread (no hand-off to a writer thread, so an
/// idle gateway pays one queue insert and no thread switch); calls arriving during a write wait for the next one,
/// written by the caller that started the running one once its own event is durable, or by a thread-pool task it
/// hands the rest to. Under load N concurrent calls thus share one write instead of queueing N writes on the
/// database lock. A failed write fails every call of its batch (the pipeline then refuses to forward, or withholds
/// the result), so nothing passes unaudited.
/// </summary>
public sealed class BatchingAuditSink : IAuditSink, IAsyncDisposable
{
    /// <summary>
    /// The most a batch message holds: an Azure Storage queue message is at most 64 KiB, and base64 encoding (if an
    /// adapter uses it) grows 32 KiB to under 43 KiB, leaving room for the envelope.
    /// </summary>
    public const int MaxMessageBytes = 32 * 1024;

    /// <summary>The most events one message holds.</summary>
    public const int MaxEvents = 256;

    private readonly IMessageQueue queue;
    private readonly Lock sync = new();
    private readonly Queue<Pending> pending = new();
    private readonly List<Pending> batch = new(MaxEvents);
    private readonly ArrayBufferWriter<byte> body = new(MaxMessageBytes);
    private bool writing;
    private bool stopped;

    public BatchingAuditSink(IMessageQueue queue) => this.queue = queue;

    /// <summary>Completes when the event is durably on the <c>dome-audit</c> queue; throws when it is not.</summary>
    public ValueTask WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var item = new Pending(AuditJson.SerializeToUtf8Bytes(auditEvent));
        lock (sync)
        {
            if (stopped)
            {
                throw new InvalidOperationException("the audit writer is stopped; the event was not written");
            }

            pending.Enqueue(item);
            if (writing)
            {
                return Await(item, cancellationToken);
            }

            writing = true;
        }

        return LeadAsync(item, cancellationToken);
    }

    /// <summary>Writes what is pending, then stops; later writes throw.</summary>
    public async ValueTask DisposeAsync()
    {
        Task[] left;
        lock (sync)
        {
            stopped = true;
            left = pending.Select(p => (Task)p.Done.Task).ToArray();
        }

        // Whoever is writing writes these too; their failures belong to their callers.
        await Task.WhenAll(left).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
    }

    private static ValueTask Await(Pending item, CancellationToken cancellationToken) =>
        new(cancellationToken.CanBeCanceled ? item.Done.Task.WaitAsync(cancellationToken) : item.Done.Task);

    /// <summary>Writes batches until <paramref name="own"/> is written, then hands any rest to the thread pool.</summary>
    private async ValueTask LeadAsync(Pending own, CancellationToken cancellationToken)
    {
        await WriteBatchesAsync(own).ConfigureAwait(false);
        await Await(own, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteBatchesAsync(Pending? until)
    {
        while (true)
        {
            lock (sync)
            {
                if (pending.Count == 0)
                {
                    writing = false;
                    return;
                }

                if (until is { Done.Task.IsCompleted: true })
                {
                    // Our own event is written; the calls that queued meanwhile get their write on the thread pool.
                    _ = Task.Run(() => WriteBatchesAsync(null));
                    return;
                }

                TakeBatch();
            }

            await WriteBatchAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Everything pending, up to the message's bounds; an event that does not fit waits for the next.</summary>
    private void TakeBatch()
    {
        batch.Clear();
        var size = 2;
        while (batch.Count < MaxEvents && pending.TryPeek(out var item))
        {
            if (batch.Count > 0 && size + item.Json.Length + 1 > MaxMessageBytes)
            {
                break;
            }

            batch.Add(pending.Dequeue());
            size += item.Json.Length + 1;
        }
    }

    private async Task WriteBatchAsync()
    {
        try
        {
            var message = AuditJson.BatchMessage(batch.Select(item => item.Json), body);
            await queue.SendAsync(QueueNames.Audit, message, CancellationToken.None).ConfigureAwait(false);
            foreach (var item in batch)
            {
                item.Done.TrySetResult();
            }
        }
        catch (Exception e)
        {
            foreach (var item in batch)
            {
                item.Done.TrySetException(e);
            }
        }
    }

    private sealed class Pending(byte[] json)
    {
        public byte[] Json { get; } = json;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
