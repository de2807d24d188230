using Dome.Core.Errors;
using Dome.Core.Storage;

namespace Dome.Core.Lifecycle;

/// <summary>
/// The <c>lifecycle</c> function's work: records that an agent event was processed and tells the observers.
/// A message that names no stored event fails, so the queue retries it and finally sets it aside as poison.
/// </summary>
public sealed class LifecycleProcessor(IAgentStore agents, IEnumerable<ILifecycleObserver> observers, TimeProvider time)
{
    public async Task ProcessAsync(string body, CancellationToken cancellationToken = default)
    {
        var message = LifecycleMessage.TryParse(body)
            ?? throw DomeException.Invalid("the lifecycle message is not valid JSON of the expected shape");

        if (!await agents.MarkEventProcessedAsync(message.TenantId, message.AgentId, message.Sequence, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            throw DomeException.NotFound($"agent `{message.AgentId}` has no event {message.Sequence}");
        }

        foreach (var observer in observers)
        {
            await observer.OnLifecycleEventAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }
}
