using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Limits;

/// <summary>Runs <see cref="CallLimiter.SweepIdleAsync"/> every <see cref="LimitsOptions.IdleAfter"/>, on the <see cref="TimeProvider"/>'s timer; runs never overlap.</summary>
public sealed class IdleCounterSweep(CallLimiter limiter, TimeProvider time, IOptions<LimitsOptions> options) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private ITimer? timer;
    private int running;

    /// <summary>The latest sweep (for tests: await it after moving the clock).</summary>
    internal Task LastSweep { get; private set; } = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var period = options.Value.IdleAfter;
        timer = time.CreateTimer(static state => ((IdleCounterSweep)state!).Tick(), this, period, period);
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
        if (Interlocked.Exchange(ref running, 1) != 0)
        {
            return;
        }

        LastSweep = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            await limiter.SweepIdleAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }
}
