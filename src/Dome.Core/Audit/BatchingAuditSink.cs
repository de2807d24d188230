using System.Buffers;
using System.Text;
using System.Threading.Channels;
using Dome.Core.Queues;

namespace Dome.Core.Audit;

/// <summary>
/// Group commit for the audit trail: calls hand their event to one in-process writer, which puts everything that
/// accumulated while its previous write ran on the <c>dome-audit</c> queue as ONE message (a JSON array of events,
/// at most <see cref="MaxMessageBytes"/>), and completes each caller's task only once that message is durable. A
/// call therefore waits for one queue write, not for its own serialized one: under load, N concurrent calls share
/// one write instead of queueing N writes on the database lock. A failed write fails every call of its batch (the
/// pipeline then refuses to forward, or withholds the result), so nothing passes unaudited.
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
    private readonly Channel<Pending> pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public BatchingAuditSink(IMessageQueue queue)
    {
        this.queue = queue;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes when the event is durably on the <c>dome-audit</c> queue; throws when it is not.</summary>
    public ValueTask WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var item = new Pending(AuditJson.SerializeToUtf8Bytes(auditEvent));
        if (!pending.Writer.TryWrite(item))
        {
            throw new InvalidOperationException("the audit writer is stopped; the event was not written");
        }

        return new ValueTask(cancellationToken.CanBeCanceled ? item.Done.Task.WaitAsync(cancellationToken) : item.Done.Task);
    }

    /// <summary>Writes what is pending, then stops; later writes throw.</summary>
    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var reader = pending.Reader;
        var batch = new List<Pending>(MaxEvents);
        var body = new ArrayBufferWriter<byte>(MaxMessageBytes);
        Pending? carried = null;
        while (carried is not null || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // Everything that accumulated, up to the message's bounds; an event that does not fit waits for the next.
            var size = 2;
            if (carried is not null)
            {
                batch.Add(carried);
                size += carried.Json.Length;
                carried = null;
            }

            while (batch.Count < MaxEvents && reader.TryRead(out var item))
            {
                if (batch.Count > 0 && size + item.Json.Length + 1 > MaxMessageBytes)
                {
                    carried = item;
                    break;
                }

                batch.Add(item);
                size += item.Json.Length + 1;
            }

            try
            {
                body.Clear();
                body.Write("["u8);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (i > 0)
                    {
                        body.Write(","u8);
                    }

                    body.Write(batch[i].Json);
                }

                body.Write("]"u8);
                await queue.SendAsync(QueueNames.Audit, Encoding.UTF8.GetString(body.WrittenSpan), CancellationToken.None).ConfigureAwait(false);
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

            batch.Clear();
        }
    }

    private sealed class Pending(byte[] json)
    {
        public byte[] Json { get; } = json;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
