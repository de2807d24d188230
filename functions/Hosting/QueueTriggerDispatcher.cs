using System.Net.Http.Json;
using Dome.Core.Queues;

namespace Dome.Functions.Hosting;

/// <summary>
/// Does what the Functions host does for queue triggers, over any <see cref="IMessageQueue"/>: receives from each
/// function's queue, POSTs the documented <c>{Data, Metadata}</c> envelope to <c>/{FunctionName}</c>, deletes the
/// message on a 2xx, lets it come back after <see cref="DispatcherOptions.RetryDelay"/> on any other answer, and
/// moves it to <c>&lt;queue&gt;-poison</c> after <see cref="DispatcherOptions.MaxDequeueCount"/> deliveries.
/// The embedded server runs it on its own queue (<see cref="EmbeddedQueueDispatcher"/>); tests run it as a
/// stand-in of the Functions host on Azurite's queues.
/// </summary>
internal sealed partial class QueueTriggerDispatcher(
    IMessageQueue queue,
    IReadOnlyList<QueueFunction> functions,
    DispatcherOptions settings,
    TimeProvider time,
    ILogger logger)
{
    private static readonly System.Text.Json.JsonSerializerOptions EnvelopeJson = new();

    /// <summary>Dispatches until <paramref name="stoppingToken"/> is cancelled, posting with <paramref name="http"/>.</summary>
    public async Task RunAsync(HttpClient http, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            foreach (var function in functions)
            {
                try
                {
                    busy |= await DispatchOneAsync(http, function, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogDispatchError(logger, function.Queue, e.GetType().Name, e);
                }
            }

            if (!busy)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Handles one message of a function's queue; false when the queue had none ready.</summary>
    private async Task<bool> DispatchOneAsync(HttpClient http, QueueFunction function, CancellationToken cancellationToken)
    {
        var message = await queue.ReceiveAsync(function.Queue, settings.Lease, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            return false;
        }

        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            await PoisonAsync(function, message, cancellationToken).ConfigureAwait(false);
            return true;
        }

        bool succeeded;
        try
        {
            // The host sends PascalCase members (Data, Metadata, DequeueCount): no naming policy here.
            using var content = JsonContent.Create(Envelope(function, message), options: EnvelopeJson);
            using var response = await http.PostAsync("/" + function.Name, content, cancellationToken).ConfigureAwait(false);
            succeeded = response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            succeeded = false;
        }

        if (succeeded)
        {
            await queue.DeleteAsync(function.Queue, message.Id, message.PopReceipt, cancellationToken).ConfigureAwait(false);
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

        return true;
    }

    private async Task PoisonAsync(QueueFunction function, QueueMessage message, CancellationToken cancellationToken)
    {
        var poison = QueueNames.Poison(function.Queue);
        await queue.SendAsync(poison, message.Body, cancellationToken).ConfigureAwait(false);
        await queue.DeleteAsync(function.Queue, message.Id, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        LogPoisoned(logger, function.Name, message.Id, message.DequeueCount, poison);
    }

    private object Envelope(QueueFunction function, QueueMessage message) => new
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
