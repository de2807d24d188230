using System.Text.Json;
using System.Text.Json.Serialization;
using Dome.Core.Lifecycle;
using Dome.Core.Registry;
using Dome.Functions.Endpoints;

namespace Dome.Functions.Hosting;

/// <summary>
/// Builds Dome's one ASP.NET Core app. Under the Functions host (custom handler) it listens on
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and the host dispatches queues; embedded (<c>dome serve</c>) it keeps its
/// state in SQLite under the data directory and dispatches its own queues.
/// </summary>
public static class DomeServer
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // No configuration reload on file changes: the content root is the working directory, which holds the data
        // directory by default, and watching it turned every write of the database's WAL into file-watcher work.
        var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
        var handlerPort = Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT");
        if (!string.IsNullOrEmpty(handlerPort))
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{handlerPort}");
            builder.Configuration[DispatcherOptions.Section + ":Enabled"] = "false";
        }
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        ThreadPoolFloor.Apply(builder.Configuration);
        AddServices(builder);
        configure?.Invoke(builder);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DomeOptions>().Bind(builder.Configuration.GetSection(DomeOptions.Section)).ValidateOnStart();
        services.AddOptions<DispatcherOptions>().Bind(builder.Configuration.GetSection(DispatcherOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        services.AddDomeStorage(builder.Configuration);

        services.AddSingleton<TenantAdministration>();
        services.AddSingleton<AgentRegistry>();
        services.AddSingleton<LifecycleProcessor>();
        services.AddSingleton<QueueFunctionHandlers>();
        services.AddOptions<LifecycleOptions>().Bind(builder.Configuration.GetSection(LifecycleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LifecycleRedelivery>();
        services.AddHostedService<LifecycleRedeliverySweep>();
        services.AddSingleton<ILifecycleObserver, LifecycleLog>();
        services.AddDomeIdentity(builder.Configuration);
        services.AddDomeCatalog(builder.Configuration);
        services.AddDomePolicy(builder.Configuration);
        services.AddDomeGovernance(builder.Configuration);
        services.AddDomeGateway(builder.Configuration);

        services.AddHostedService<EmbeddedBootstrap>();
        if (builder.Configuration.GetValue(DispatcherOptions.Section + ":Enabled", true))
        {
            services.AddHostedService<EmbeddedQueueDispatcher>();
        }

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<DomeExceptionHandler>();
        services.AddOpenApi();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).WithTags("Health").WithName("Health");
        app.MapGroup("/v1/admin").RequireAdmin().MapAdminAgentsApi().MapAdminTenantApi().MapAdminIdentityProvidersApi().MapAdminLimitsApi();
        app.MapGroup("/v1/admin").RequireAdmin().MapAdminCatalogApi().MapAdminSecretsApi();
        app.MapGroup("/v1/operator").RequireOperator().MapOperatorApi().MapOperatorSigningKeysApi();
        app.MapTokenEndpoint().MapWellKnown().MapWhoAmI();
        app.MapPolicyApi();
        app.MapGatewayApi();
        app.MapQueueTriggers();
    }
}
