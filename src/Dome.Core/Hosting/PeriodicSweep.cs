using Microsoft.Extensions.Hosting;

namespace Dome.Core.Hosting;

/// <summary>
/// A hosted service that runs one piece of work on its <see cref="TimeProvider"/>'s timer: first after
/// <see cref="DueTime"/>, then every <see cref="Period"/>. Runs never overlap (a tick while one runs is skipped),
/// stopping cancels the run in progress, and a failed run is reported and tried again at the next tick.
/// </summary>
public abstract class PeriodicSweep(TimeProvider time) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private ITimer? timer;
    private int running;

    /// <summary>The latest run; callers that move a manual clock await it.</summary>
    public Task LastRun { get; private set; } = Task.CompletedTask;

    /// <summary>How long after start the first run begins.</summary>
    protected abstract TimeSpan DueTime { get; }

    /// <summary>The time between runs.</summary>
    protected abstract TimeSpan Period { get; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        timer = time.CreateTimer(static state => ((PeriodicSweep)state!).Tick(), this, DueTime, Period);
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
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>One run of the work.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Reports a run that failed (log it; the next tick tries again).</summary>
    protected abstract void ReportFailure(Exception exception);

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            timer?.Dispose();
            stopping.Dispose();
        }
    }

    private void Tick()
    {
        if (Interlocked.Exchange(ref running, 1) == 0)
        {
            LastRun = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await RunOnceAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            ReportFailure(e);
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }
}
