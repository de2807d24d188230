using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dome.Gateway.Diagnostics;

/// <summary>
/// Exports the gateway's traces and metrics (<see cref="GatewayDiagnostics"/>) over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; otherwise nothing is exported and the instruments cost next to nothing.
/// The exporter reads the standard <c>OTEL_*</c> variables (endpoint, protocol, headers).
/// </summary>
public sealed class GatewayTelemetry : IHostedService, IDisposable
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private TracerProvider? tracing;
    private MeterProvider? metrics;

    /// <summary>Registers the exporter when the endpoint is configured (environment or configuration).</summary>
    public static IServiceCollection AddTo(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration[EndpointVariable]))
        {
            services.AddHostedService<GatewayTelemetry>();
        }

        return services;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var resource = ResourceBuilder.CreateDefault().AddService("dome");
        tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(GatewayDiagnostics.Name).AddOtlpExporter().Build();
        metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(GatewayDiagnostics.Name).AddOtlpExporter().Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        tracing?.Dispose();
        metrics?.Dispose();
        tracing = null;
        metrics = null;
    }
}
