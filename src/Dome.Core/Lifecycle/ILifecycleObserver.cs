namespace Dome.Core.Lifecycle;

/// <summary>Reacts to a processed lifecycle event (for example, refusing a suspended agent's tokens).</summary>
public interface ILifecycleObserver
{
    Task OnLifecycleEventAsync(LifecycleMessage message, CancellationToken cancellationToken);
}
