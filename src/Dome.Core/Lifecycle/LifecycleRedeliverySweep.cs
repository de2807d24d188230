using Dome.Core.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dome.Core.Lifecycle;

/// <summary>Runs <see cref="LifecycleRedelivery"/> at start-up and every <see cref="LifecycleOptions.RedeliverAfter"/> on the <see cref="TimeProvider"/>'s timer; runs never overlap.</summary>
public sealed class LifecycleRedeliverySweep(LifecycleRedelivery redelivery, TimeProvider time, IOptions<LifecycleOptions> options, ILogger<LifecycleRedeliverySweep> logger)
    : PeriodicSweep(time)
{
    protected override TimeSpan DueTime => TimeSpan.Zero;

    protected override TimeSpan Period => options.Value.RedeliverAfter;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => redelivery.RedeliverAsync(cancellationToken);

    protected override void ReportFailure(Exception exception) => LifecycleLog.SweepFailed(logger, exception);
}
