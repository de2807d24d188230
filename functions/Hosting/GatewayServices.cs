using System.Net;
using Dome.Gateway.Credentials;
using Dome.Gateway.Diagnostics;
using Dome.Gateway.Forwarding;
using Dome.Gateway.Limits;
using Dome.Gateway.Output;
using Dome.Gateway.Pipeline;

namespace Dome.Functions.Hosting;

/// <summary>
/// Wires the governed tool call: the pipeline, credential injection, forwarding (a pooled <c>SocketsHttpHandler</c>
/// without cookies, redirects or proxy), telemetry. The parts other modules own come from their own registrations
/// (<c>AddDomeStorage</c>, <c>AddDomeCatalog</c>, <c>AddDomeGovernance</c>, <c>AddDomePolicy</c>).
/// </summary>
internal static class GatewayServices
{
    public static IServiceCollection AddDomeGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection(GatewayOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutputOptions>().Bind(configuration.GetSection(OutputOptions.Section));
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section));

        services.AddSingleton<GatewayDiagnostics>();
        GatewayTelemetry.AddTo(services, configuration);
        services.AddSingleton<ClientCredentialsTokens>();
        services.AddSingleton<CredentialInjector>();
        services.AddSingleton<UserAssertionSigner>();
        services.AddSingleton<UpstreamForwarder>();
        services.AddSingleton<OutputRulesCache>();
        services.AddSingleton<ToolCallPipeline>();
        services.AddHttpClient(UpstreamForwarder.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => UpstreamHandler(configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions()))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers(); // the pipeline logs and traces each call itself; the factory's handlers add a log scope per request
        services.AddHttpClient(ClientCredentialsTokens.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services;
    }

    /// <summary>Tuned for many short calls to few upstreams: pooled connections, no cookies, no redirects, no proxy, no decompression.</summary>
    private static SocketsHttpHandler UpstreamHandler(GatewayOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = options.MaxConnectionsPerServer,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };
}
