using System.Net.Sockets;
using System.Text;
using Dome.Core.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Gateway;

/// <summary>
/// Connections that break mid-body, on real sockets: a call whose request body breaks off is decided 400
/// <c>request_body_incomplete</c> (sent when the connection is still open; audited either way); an upstream whose
/// response breaks off gives 502 <c>upstream_error</c>.
/// </summary>
public sealed class BrokenConnectionTests : GatewayTestBase
{
    private const string HalfBody = """{"tool":"zendesk/create_ticket","argu""";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Call_CallerClosesMidBody_IsAuditedAsRequestBodyIncomplete(bool reset)
    {
        string response;
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(Server.BaseAddress.Host, Server.BaseAddress.Port, Api.Ct);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Head(declaredLength: 200)), Api.Ct);

            // Kestrel sends `100 Continue` when the gateway starts reading the body, i.e. after the token was checked:
            // only then does the test break the body off, so the call is known to be authenticated (and auditable).
            Assert.StartsWith("HTTP/1.1 100", await ReadLineAsync(stream), StringComparison.Ordinal);
            await ReadLineAsync(stream);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(HalfBody), Api.Ct);
            await stream.FlushAsync(Api.Ct);
            if (reset)
            {
                client.Client.LingerState = new LingerOption(true, 0); // close with RST
                response = string.Empty;
            }
            else
            {
                client.Client.Shutdown(SocketShutdown.Send); // FIN: the body ends early
                response = await ReadRestAsync(stream);
            }
        }

        var audited = await WaitForAuditAsync(e => e.Reason is not null && e.Reason != "ok");

        Assert.Equal("request_body_incomplete", audited.Reason);
        Assert.Equal("deny", audited.Decision);
        Assert.Empty(Upstream.Requests);

        // Kestrel treats a caller that closed its side as gone and sends nothing back; the decision lives in the audit.
        Assert.DoesNotContain("HTTP/1.1", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ChunkedBodyBreaksOff_Is400RequestBodyIncomplete()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(Server.BaseAddress.Host, Server.BaseAddress.Port, Api.Ct);
        var stream = client.GetStream();
        var chunk = $"{Encoding.UTF8.GetByteCount(HalfBody):x}\r\n{HalfBody}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(Head(declaredLength: null)), Api.Ct);
        Assert.StartsWith("HTTP/1.1 100", await ReadLineAsync(stream), StringComparison.Ordinal);
        await ReadLineAsync(stream);

        // One good chunk, then framing that is not a chunk size: the body stops there, the connection stays open.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(chunk + "zz\r\n"), Api.Ct);
        var response = await ReadRestAsync(stream);

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"request_body_incomplete\"", response, StringComparison.Ordinal);
        Assert.Contains("the body broke off after ", response, StringComparison.Ordinal);
        Assert.Empty(Upstream.Requests);
        Assert.Single((await AuditEventsAsync()).Values, e => e.Reason == "request_body_incomplete");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Call_UpstreamClosesMidResponse_Is502UpstreamError(bool reset)
    {
        await using var broken = new RawUpstream("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\":1,\"sub", reset);
        await PointZendeskAtAsync(broken.BaseAddress);

        var (status, body, _) = await CallAsync(Ticket());

        Assert.True(status == 502, body?.ToJsonString());
        Assert.Equal("upstream_error", Api.Str(body, "code"));
        Assert.Equal("error", Api.Str(body, "decision"));
        Assert.Equal(1, broken.Requests);
        Assert.Equal("upstream_error", (await AuditOfAsync(Api.Str(body, "callId"))).Reason);
    }

    [Fact]
    public async Task Call_UpstreamClosesBeforeAnswering_Is502UpstreamError()
    {
        await using var broken = new RawUpstream(string.Empty, reset: false);
        await PointZendeskAtAsync(broken.BaseAddress);

        var (status, body, _) = await CallAsync(Ticket());

        Assert.True(status == 502, body?.ToJsonString());
        Assert.Equal("upstream_error", Api.Str(body, "code"));
    }

    private static async Task<string> ReadLineAsync(NetworkStream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (!line.ToString().EndsWith("\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one, Api.Ct) == 1)
        {
            line.Append((char)one[0]);
        }

        return line.ToString();
    }

    private static async Task<string> ReadRestAsync(NetworkStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            return await reader.ReadToEndAsync(Api.Ct);
        }
        catch (IOException e)
        {
            return "reset: " + e.Message;
        }
    }

    private string Head(int? declaredLength) =>
        "POST /v1/tools/call HTTP/1.1\r\n" +
        $"Host: {Server.BaseAddress.Authority}\r\n" +
        $"Authorization: Bearer {Token}\r\n" +
        "Content-Type: application/json\r\n" +
        "Expect: 100-continue\r\n" +
        (declaredLength is { } length ? $"Content-Length: {length}\r\n" : "Transfer-Encoding: chunked\r\n") +
        "Connection: close\r\n\r\n";

    private Task PointZendeskAtAsync(Uri baseAddress) =>
        Server.Services.GetRequiredService<CatalogAdministration>().ReplaceConnectionAsync(TenantId, "zendesk", new ConnectionRequest
        {
            Name = "zendesk",
            BaseUrl = baseAddress.AbsoluteUri,
            Auth = new AuthRequest { Kind = "bearer", Secret = "zendesk-token" },
        }, Api.Ct);

    private async Task<Dome.Core.Audit.AuditEvent> WaitForAuditAsync(Func<Dome.Core.Audit.AuditEvent, bool> match)
    {
        // Bounded wait for the server to finish the aborted call (a correctness wait, not a timing assertion).
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if ((await AuditEventsAsync()).Values.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50, Api.Ct);
        }

        Assert.Fail("the aborted call was never audited: " + string.Join("\n", Server.Logs.Entries.Select(e => $"{e.Category} {e.EventId} {e.Level} {e.Message} {e.Exception}")));
        return null!;
    }
}
