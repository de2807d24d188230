using System.Net.Http.Json;
using Dome.Core.Queues;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dome.Functions.Hosting;

/// <summary>
/// Plays the Functions host's part for queue triggers in embedded mode: receives from the embedded queue,
/// POSTs the documented <c>{Data, Metadata}</c> envelope to <c>/{FunctionName}</c> over HTTP, deletes the message
/// on success, lets it come back after a delay on failure, and moves it to <c>&lt;queue&gt;-poison</c> after the
/// last allowed delivery.
/// </summary>
internal sealed partial class EmbeddedQueueDispatcher(
    IMessageQueue queue,
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<DispatcherOptions> options,
    TimeProvider time,
    ILogger<EmbeddedQueueDispatcher> logger) : BackgroundService
{
    private static readonly System.Text.Json.JsonSerializerOptions EnvelopeJson = new();

    private readonly DispatcherOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStartAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        using var http = new HttpClient { BaseAddress = settings.BaseAddress ?? OwnAddress(), Timeout = TimeSpan.FromMinutes(5) };
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            foreach (var function in QueueFunction.All)
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

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using var onStart = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStop = stoppingToken.Register(() => started.TrySetCanceled());
        try
        {
            await started.Task.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private Uri OwnAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the server has no address for the dispatcher to post to; set Dome:Dispatcher:BaseAddress");
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri;
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Function {Function} failed message {MessageId} on delivery {DequeueCount}; it will be retried")]
    private static partial void LogRetry(ILogger logger, string function, string messageId, int dequeueCount);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Function {Function} failed message {MessageId} {DequeueCount} times; moved it to {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, string function, string messageId, int dequeueCount, string poisonQueue);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Dispatching queue {Queue} failed with {ExceptionType}")]
    private static partial void LogDispatchError(ILogger logger, string queue, string exceptionType, Exception exception);
}
