using Dome.Core.Queues;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dome.Functions.Hosting;

/// <summary>
/// Plays the Functions host's part for queue triggers in embedded mode: once the server has started, runs a
/// <see cref="QueueTriggerDispatcher"/> over the server's own queue, posting to the server's own address.
/// </summary>
internal sealed class EmbeddedQueueDispatcher(
    IMessageQueue queue,
    IServer server,
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

        using var http = new HttpClient { BaseAddress = settings.BaseAddress ?? OwnAddress(), Timeout = TimeSpan.FromMinutes(5) };
        await new QueueTriggerDispatcher(queue, QueueFunction.All, settings, time, logger).RunAsync(http, stoppingToken).ConfigureAwait(false);
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
}
