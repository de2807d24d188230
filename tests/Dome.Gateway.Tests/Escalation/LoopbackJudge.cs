using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dome.Gateway.Tests.Escalation;

/// <summary>A real judge webhook: Kestrel on a free loopback port, answering what the test tells it to.</summary>
internal sealed class LoopbackJudge : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackJudge(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public List<JsonElement> Requests { get; } = [];

    public List<IHeaderDictionary> Headers { get; } = [];

    /// <summary>The body to answer with; null makes the judge hang until the caller gives up.</summary>
    public string? Answer { get; set; } = """{"decision":"approve"}""";

    public static async Task<LoopbackJudge> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LoopbackJudge? judge = null;
        app.MapPost("/judge", async (HttpContext http) =>
        {
            var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            lock (judge!.Requests)
            {
                judge.Requests.Add(body.RootElement.Clone());
                judge.Headers.Add(http.Request.Headers);
            }

            if (judge.Answer is null)
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.Empty;
            }

            return Results.Text(judge.Answer, "application/json");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        judge = new LoopbackJudge(app, new Uri(address + "/judge"));
        return judge;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
