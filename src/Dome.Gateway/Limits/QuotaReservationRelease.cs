using Microsoft.Extensions.Hosting;

namespace Dome.Gateway.Limits;

/// <summary>On shutdown, gives the unused part of every reserved quota block back to the store.</summary>
public sealed class QuotaReservationRelease(CallLimiter limiter) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => limiter.ReleaseReservationsAsync(cancellationToken);
}
