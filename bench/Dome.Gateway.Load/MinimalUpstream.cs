using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Dome.Gateway.Load;

/// <summary>The tool: a minimal Kestrel app answering a small JSON ticket (with an email and an SSN for output governance to redact).</summary>
internal static class MinimalUpstream
{
    public const string Response = """{"id":4711,"subject":"printer on fire","status":"open","customer":{"name":"Ada","email":"ada@example.com","ssn":"123-45-6789"}}""";

    public static async Task<(WebApplication App, Uri Address)> StartAsync(int port = 0)
    {
        // No configuration file watching (it would see every write of the governed run's database under the working directory).
        var builder = WebApplication.CreateSlimBuilder(["--hostBuilder:reloadConfigOnChange=false"]);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var bytes = System.Text.Encoding.UTF8.GetBytes(Response);
        app.Run(async http =>
        {
            // Drain the request like a real API would, then answer.
            await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
            http.Response.ContentType = "application/json";
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address));
    }
}
