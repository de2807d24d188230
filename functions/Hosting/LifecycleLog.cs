using Dome.Core.Lifecycle;

namespace Dome.Functions.Hosting;

/// <summary>Logs every processed lifecycle event (suspensions included) for the operators' workbook.</summary>
internal sealed class LifecycleLog(ILogger<LifecycleLog> logger) : ILifecycleObserver
{
    public Task OnLifecycleEventAsync(LifecycleMessage message, CancellationToken cancellationToken)
    {
        OperatorLog.AgentLifecycle(logger, message);
        return Task.CompletedTask;
    }
}
