using Dome.Core.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Limits;

/// <summary>Runs <see cref="CallLimiter.SweepIdleAsync"/> every <see cref="LimitsOptions.IdleAfter"/>, on the <see cref="TimeProvider"/>'s timer; runs never overlap.</summary>
public sealed class IdleCounterSweep(CallLimiter limiter, TimeProvider time, IOptions<LimitsOptions> options, ILogger<IdleCounterSweep> logger)
    : PeriodicSweep(time)
{
    protected override TimeSpan DueTime => options.Value.IdleAfter;

    protected override TimeSpan Period => options.Value.IdleAfter;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => limiter.SweepIdleAsync(cancellationToken);

    protected override void ReportFailure(Exception exception) => LimitsLog.SweepFailed(logger, exception);
}
