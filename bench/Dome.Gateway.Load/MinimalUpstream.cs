using Microsoft.AspNetCore.Builder;

namespace Dome.Gateway.Load;

/// <summary>The tool: a minimal Kestrel app answering a small JSON ticket (with an email and an SSN for output governance to redact).</summary>
internal static class MinimalUpstream
{
    public const string Response = """{"id":4711,"subject":"printer on fire","status":"open","customer":{"name":"Ada","email":"ada@example.com","ssn":"123-45-6789"}}""";

    public static Task<(WebApplication App, Uri Address)> StartAsync(int port = 0)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Response);
        return LoopbackApp.StartAsync(
            async http =>
            {
                // Drain the request like a real API would, then answer.
                await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
                http.Response.ContentType = "application/json";
                http.Response.ContentLength = bytes.Length;
                await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
            },
            port);
    }
}
