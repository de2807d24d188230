using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dome.Gateway.Load;

/// <summary>The harness's minimal Kestrel apps (the upstream, the bare relay): one request handler on loopback, no logging.</summary>
internal static class LoopbackApp
{
    /// <summary>Starts <paramref name="handler"/> on 127.0.0.1:<paramref name="port"/> (0: any free port); the app and its address.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(RequestDelegate handler, int port = 0, Action<WebApplication>? configure = null)
    {
        // No configuration file watching (it would see every write of the governed run's database under the working directory).
        var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false"]);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        configure?.Invoke(app);
        app.Run(handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}
