using Microsoft.AspNetCore.Builder;

namespace Dome.Gateway.Load;

/// <summary>
/// The floor of any gateway on this machine: a Kestrel app that only relays the request body to the upstream and the
/// upstream's body back (no authentication, policy, output governance or audit), over the same kind of client Dome uses.
/// What it costs beyond the direct exchange is the price of the extra HTTP hop alone.
/// </summary>
internal static class BareRelay
{
    public static Task<(WebApplication App, Uri Address)> StartAsync(Uri upstream)
    {
        var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        var target = new Uri(upstream, "/api/v2/tickets");
        return LoopbackApp.StartAsync(
            async http =>
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
            },
            configure: app => app.Lifetime.ApplicationStopped.Register(invoker.Dispose));
    }
}
