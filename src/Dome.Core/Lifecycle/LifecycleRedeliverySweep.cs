using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dome.Core.Lifecycle;

/// <summary>Runs <see cref="LifecycleRedelivery"/> at start-up and every <see cref="LifecycleOptions.RedeliverAfter"/> on the <see cref="TimeProvider"/>'s timer; runs never overlap.</summary>
public sealed class LifecycleRedeliverySweep(LifecycleRedelivery redelivery, TimeProvider time, IOptions<LifecycleOptions> options, ILogger<LifecycleRedeliverySweep> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private ITimer? timer;
    private int running;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        timer = time.CreateTimer(static state => ((LifecycleRedeliverySweep)state!).Tick(), this, TimeSpan.Zero, options.Value.RedeliverAfter);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (timer is not null)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        timer?.Dispose();
        stopping.Dispose();
    }

    private void Tick()
    {
        if (Interlocked.Exchange(ref running, 1) == 0)
        {
            _ = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await redelivery.RedeliverAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            LifecycleLog.SweepFailed(logger, e);
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }
}
