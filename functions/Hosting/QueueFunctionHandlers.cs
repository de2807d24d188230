using Dome.Core.Audit;
using Dome.Core.Lifecycle;
using Dome.Core.Queues;

namespace Dome.Functions.Hosting;

/// <summary>
/// What each queue-triggered function does with one message's body, whoever delivers it: the Functions host through
/// the HTTP routes of <c>QueueTriggersApi</c>, or the embedded dispatcher, which calls it in process (the same work
/// without serializing every message into an HTTP envelope and back). Throws when the message is not processed, so
/// the deliverer retries it and, after its last try, parks it in the poison queue.
/// </summary>
internal sealed partial class QueueFunctionHandlers(LifecycleProcessor lifecycle, AuditProcessor audit, ILoggerFactory logs)
{
    private readonly ILogger auditLogger = logs.CreateLogger("Dome.Functions.audit");

    public async Task RunAsync(QueueFunction function, string body, CancellationToken cancellationToken)
    {
        switch (function.Queue)
        {
            case QueueNames.Lifecycle:
                await lifecycle.ProcessAsync(body, cancellationToken).ConfigureAwait(false);
                break;
            case QueueNames.Audit:
                foreach (var auditEvent in await audit.ProcessAsync(body, cancellationToken).ConfigureAwait(false))
                {
                    OperatorLog.AuditStored(auditLogger, auditEvent);
                }

                break;
            default:
                throw new InvalidOperationException($"no handler for queue `{function.Queue}`");
        }
    }

    /// <summary>
    /// Runs the function on a batch of messages for the embedded dispatcher: per message, true when it succeeded, false
    /// (logged) when it should be retried. A batch of audit messages is stored in one append; if that fails, each
    /// message is tried alone, so one bad message does not hold back the others.
    /// </summary>
    public async Task<IReadOnlyList<bool>> TryRunManyAsync(QueueFunction function, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken)
    {
        if (function.Queue == QueueNames.Audit && messages.Count > 1)
        {
            try
            {
                foreach (var auditEvent in await audit.ProcessManyAsync(messages.Select(m => m.Body).ToArray(), cancellationToken).ConfigureAwait(false))
                {
                    OperatorLog.AuditStored(auditLogger, auditEvent);
                }

                return Enumerable.Repeat(true, messages.Count).ToArray();
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One by one below.
            }
        }

        var results = new bool[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            results[i] = await TryRunAsync(function, messages[i], cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    private async Task<bool> TryRunAsync(QueueFunction function, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(function, message.Body, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logs.CreateLogger("Dome.Functions." + function.Name), function.Name, message.DequeueCount, e.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Function {Function} failed on delivery {DequeueCount} with {ExceptionType}")]
    public static partial void LogFailed(ILogger logger, string function, int dequeueCount, string exceptionType);
}
