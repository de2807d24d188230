using Dome.Core.Queues;
using Dome.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dome.Core.Lifecycle;

/// <summary>
/// The outbox half of the registry: every change is stored with its event first, then announced on
/// <c>dome-lifecycle</c>. If that send fails (or its message is lost), the event stays unprocessed; this sweep
/// announces every event unprocessed for longer than <see cref="LifecycleOptions.RedeliverAfter"/> again. The
/// <c>lifecycle</c> function is idempotent (the first processing time is kept, observers only evict caches), so an
/// event announced twice is processed harmlessly twice.
/// </summary>
/// <remarks>
/// Back-off: after announcing an event the sweep defers it (<see cref="IAgentStore.DeferRedeliveryAsync"/>) for as long
/// as it has been waiting, at least <see cref="LifecycleOptions.RedeliverAfter"/> and at most
/// <see cref="LifecycleOptions.MaxRedeliverInterval"/>. An event whose processing keeps failing is thus announced at
/// doubling intervals (with the defaults about 2, 4, 8, 16 … minutes after the change) instead of at every sweep, and
/// while it is deferred the sweep's oldest-first batch reaches the newer events behind it.
/// </remarks>
public sealed class LifecycleRedelivery(IAgentStore agents, IMessageQueue queue, TimeProvider time, IOptions<LifecycleOptions> options, ILogger<LifecycleRedelivery> logger)
{
    /// <summary>How many events one sweep announces at most (the next sweep takes the rest).</summary>
    public const int BatchSize = 500;

    /// <summary>Announces again the events unprocessed for longer than the bound and not deferred; returns how many were sent.</summary>
    public async Task<int> RedeliverAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var pending = await agents.ListUnprocessedEventsAsync(now - settings.RedeliverAfter, now, BatchSize, cancellationToken).ConfigureAwait(false);
        var sent = 0;
        foreach (var message in pending)
        {
            await queue.SendAsync(QueueNames.Lifecycle, message.ToJson(), cancellationToken).ConfigureAwait(false);
            sent++;
            var waited = now - message.At;
            var wait = waited < settings.RedeliverAfter ? settings.RedeliverAfter : waited > settings.MaxRedeliverInterval ? settings.MaxRedeliverInterval : waited;
            await agents.DeferRedeliveryAsync(message.TenantId, message.AgentId, message.Sequence, now + wait, cancellationToken).ConfigureAwait(false);
        }

        if (sent > 0)
        {
            LifecycleLog.Redelivered(logger, sent);
        }

        return sent;
    }
}
