using Dome.Core.Queues;
using Microsoft.Extensions.Options;

namespace Dome.Functions.Hosting;

/// <summary>
/// Plays the Functions host's part for queue triggers in embedded mode: once the server has started, runs a
/// <see cref="QueueTriggerDispatcher"/> over the server's own queue and invokes the functions in process (the
/// handlers the HTTP routes run, without an HTTP round trip per message). With
/// <see cref="DispatcherOptions.BaseAddress"/> set it POSTs the host's envelope to that address instead.
/// </summary>
internal sealed class EmbeddedQueueDispatcher(
    IMessageQueue queue,
    QueueFunctionHandlers handlers,
    IHostApplicationLifetime lifetime,
    IOptions<DispatcherOptions> options,
    TimeProvider time,
    ILogger<EmbeddedQueueDispatcher> logger) : BackgroundService
{
    private readonly DispatcherOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStartAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        var dispatcher = new QueueTriggerDispatcher(queue, QueueFunction.All, settings, time, logger);
        if (settings.BaseAddress is not { } address)
        {
            await dispatcher.RunAsync(handlers.TryRunManyAsync, stoppingToken).ConfigureAwait(false);
            return;
        }

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        await dispatcher.RunAsync(QueueTriggerDispatcher.OverHttp(http, time), stoppingToken).ConfigureAwait(false);
    }

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
}
