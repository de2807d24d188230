using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dome.Testing;

/// <summary>
/// A real upstream tool server (Kestrel on a loopback port) that records every request it gets and answers what
/// the test set for its path (JSON 200 by default), optionally after a delay.
/// </summary>
public sealed class TestUpstream : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Reply> replies = new(StringComparer.Ordinal);

    private TestUpstream(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public static async Task<TestUpstream> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TestUpstream? upstream = null;
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            upstream!.Requests.Enqueue(new Received(http.Request.Method, http.Request.Path + http.Request.QueryString, headers, body));
            var reply = upstream.replies.TryGetValue(http.Request.Path, out var set) ? set : Reply.Default;
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, http.RequestAborted);
            }

            http.Response.StatusCode = reply.Status;
            http.Response.ContentType = reply.ContentType;
            http.Response.Headers["Set-Cookie"] = "session=upstream-secret";
            http.Response.Headers["X-Request-Id"] = "req-1";
            await http.Response.WriteAsync(reply.Body, http.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        upstream = new TestUpstream(app, new Uri(address));
        return upstream;
    }

    public void Answer(string path, string body, int status = 200, string contentType = "application/json", TimeSpan delay = default) =>
        replies[path] = new Reply(status, contentType, body, delay);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    public sealed record Received(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

    private sealed record Reply(int Status, string ContentType, string Body, TimeSpan Delay)
    {
        public static Reply Default { get; } = new(200, "application/json", """{"ok":true}""", TimeSpan.Zero);
    }
}
