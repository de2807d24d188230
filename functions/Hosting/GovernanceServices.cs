using Dome.Gateway.Limits;
using Dome.Gateway.Output;

namespace Dome.Functions.Hosting;

/// <summary>
/// Output governance and rate limits: options <c>Dome:Gateway:Output</c> and <c>Dome:Gateway:Limits</c>, the limiter (one per process: it holds the counters) and the release of unused quota blocks on shutdown.
/// </summary>
internal static class GovernanceServices
{
    public static IServiceCollection AddDomeGovernance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutputOptions>().Bind(configuration.GetSection(OutputOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CallLimiter>();
        services.AddSingleton<LimitsAdministration>();
        services.AddSingleton<OutputGovernor>();
        services.AddHostedService<QuotaReservationRelease>();
        return services;
    }
}
