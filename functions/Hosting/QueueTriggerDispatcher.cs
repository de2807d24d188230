using System.Net.Http.Json;
using Dome.Core.Queues;

namespace Dome.Functions.Hosting;

/// <summary>
/// Does what the Functions host does for queue triggers, over any <see cref="IMessageQueue"/>: receives from each
/// function's queue, invokes the function, deletes the message when it succeeded, lets it come back after
/// <see cref="DispatcherOptions.RetryDelay"/> when it did not, and moves it to <c>&lt;queue&gt;-poison</c> after
/// <see cref="DispatcherOptions.MaxDequeueCount"/> deliveries. The embedded server runs it on its own queue and
/// invokes the functions in process (<see cref="EmbeddedQueueDispatcher"/>); tests run it as a stand-in of the
/// Functions host on Azurite's queues, invoking over HTTP as the host does (<see cref="OverHttp"/>).
/// </summary>
internal sealed partial class QueueTriggerDispatcher(
    IMessageQueue queue,
    IReadOnlyList<QueueFunction> functions,
    DispatcherOptions settings,
    TimeProvider time,
    ILogger logger)
{
    private static readonly System.Text.Json.JsonSerializerOptions EnvelopeJson = new();

    /// <summary>Invokes a function for a batch of messages: per message, true when it succeeded (it is deleted), false to retry it.</summary>
    public delegate Task<IReadOnlyList<bool>> Invoker(QueueFunction function, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken);

    /// <summary>
    /// Invokes as the Functions host does a custom handler's function: POSTs the documented <c>{Data, Metadata}</c>
    /// envelope to <c>/{FunctionName}</c> with <paramref name="http"/>, one message per request; a 2xx is success.
    /// </summary>
    public static Invoker OverHttp(HttpClient http, TimeProvider time) => async (function, messages, cancellationToken) =>
    {
        var results = new bool[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                // The host sends PascalCase members (Data, Metadata, DequeueCount): no naming policy here.
                using var content = JsonContent.Create(Envelope(function, messages[i], time), options: EnvelopeJson);
                using var response = await http.PostAsync("/" + function.Name, content, cancellationToken).ConfigureAwait(false);
                results[i] = response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                results[i] = false;
            }
        }

        return results;
    };

    /// <summary>Dispatches until <paramref name="stoppingToken"/> is cancelled, invoking with <paramref name="invoke"/>.</summary>
    public async Task RunAsync(Invoker invoke, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var received = 0;
            var full = false;
            foreach (var function in functions)
            {
                try
                {
                    var count = await DispatchBatchAsync(invoke, function, stoppingToken).ConfigureAwait(false);
                    received += count;
                    full |= count >= settings.BatchSize;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogDispatchError(logger, function.Queue, e.GetType().Name, e);
                }
            }

            // A full batch: more is waiting, go on at once. Some messages: let the next batch gather for a moment
            // (fewer, larger transactions under steady load). None: poll again after the idle interval.
            var pause = full ? TimeSpan.Zero : received > 0 ? settings.BatchWindow : settings.PollInterval;
            if (pause > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(pause, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Handles a batch of a function's queue (up to <see cref="DispatcherOptions.BatchSize"/>); how many messages it received.</summary>
    private async Task<int> DispatchBatchAsync(Invoker invoke, QueueFunction function, CancellationToken cancellationToken)
    {
        var received = await queue.ReceiveManyAsync(function.Queue, settings.BatchSize, settings.Lease, cancellationToken).ConfigureAwait(false);
        if (received.Count == 0)
        {
            return 0;
        }

        var deliverable = new List<QueueMessage>(received.Count);
        foreach (var message in received)
        {
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                await PoisonAsync(function, message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                deliverable.Add(message);
            }
        }

        if (deliverable.Count == 0)
        {
            return received.Count;
        }

        var results = await invoke(function, deliverable, cancellationToken).ConfigureAwait(false);
        var succeeded = new List<QueueMessage>(deliverable.Count);
        for (var i = 0; i < deliverable.Count; i++)
        {
            var message = deliverable[i];
            if (results[i])
            {
                succeeded.Add(message);
            }
            else if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await PoisonAsync(function, message, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                LogRetry(logger, function.Name, message.Id, message.DequeueCount);
                await queue.ReleaseAsync(function.Queue, message.Id, message.PopReceipt, settings.RetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }

        await queue.DeleteManyAsync(function.Queue, succeeded, cancellationToken).ConfigureAwait(false);
        return received.Count;
    }

    private async Task PoisonAsync(QueueFunction function, QueueMessage message, CancellationToken cancellationToken)
    {
        var poison = QueueNames.Poison(function.Queue);
        await queue.SendAsync(poison, message.Body, cancellationToken).ConfigureAwait(false);
        await queue.DeleteAsync(function.Queue, message.Id, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        LogPoisoned(logger, function.Name, message.Id, message.DequeueCount, poison);
    }

    private static object Envelope(QueueFunction function, QueueMessage message, TimeProvider time) => new
    {
        Data = new Dictionary<string, object> { [function.Binding] = message.Body },
        Metadata = new Dictionary<string, object>
        {
            ["DequeueCount"] = message.DequeueCount,
            ["Id"] = message.Id,
            ["PopReceipt"] = message.PopReceipt,
            ["InsertionTime"] = message.InsertedAt,
            ["NextVisibleTime"] = message.NextVisibleAt,
            ["sys"] = new { MethodName = function.Name, UtcNow = time.GetUtcNow(), RandGuid = Guid.NewGuid() },
        },
    };

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Function {Function} failed message {MessageId} on delivery {DequeueCount}; it will be retried")]
    private static partial void LogRetry(ILogger logger, string function, string messageId, int dequeueCount);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Function {Function} failed message {MessageId} {DequeueCount} times; moved it to {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, string function, string messageId, int dequeueCount, string poisonQueue);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Dispatching queue {Queue} failed with {ExceptionType}")]
    private static partial void LogDispatchError(ILogger logger, string queue, string exceptionType, Exception exception);
}
