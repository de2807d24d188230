using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dome.Gateway.Load;

/// <summary>
/// The floor of any gateway on this machine: a Kestrel app that only relays the request body to the upstream and the
/// upstream's body back (no authentication, policy, output governance or audit), over the same kind of client Dome uses.
/// What it costs beyond the direct exchange is the price of the extra HTTP hop alone.
/// </summary>
internal static class BareRelay
{
    public static async Task<(WebApplication App, Uri Address)> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false"]);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        var target = new Uri(upstream, "/api/v2/tickets");
        app.Lifetime.ApplicationStopped.Register(invoker.Dispose);
        app.Run(async http =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length) };
            request.Content.Headers.ContentType = new("application/json");
            using var response = await invoker.SendAsync(request, http.RequestAborted);
            var bytes = await response.Content.ReadAsByteArrayAsync(http.RequestAborted);
            http.Response.StatusCode = (int)response.StatusCode;
            http.Response.ContentType = "application/json";
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}
