using System.Text.Json.Nodes;
using Dome.Core.Audit;

namespace Dome.Functions.Tests.Gateway;

/// <summary>The governed call end to end: Dome and a real upstream on loopback.</summary>
public sealed class GatewayCallTests : GatewayTestBase
{
    [Fact]
    public async Task Call_DeclaredTool_ForwardsWithInjectedSecretAndNoDomeToken()
    {
        var (status, body, response) = await CallAsync(Ticket());

        Assert.True(status == 200, body?.ToJsonString());
        Assert.Equal("allow", Api.Str(body, "decision"));
        var callId = Api.Str(body, "callId");
        Assert.StartsWith("call_", callId, StringComparison.Ordinal);
        Assert.Equal(200, body!["result"]!["status"]!.GetValue<int>());
        Assert.True(body["result"]!["body"]!["ok"]!.GetValue<bool>());

        var received = Assert.Single(Upstream.Requests);
        Assert.Equal("POST", received.Method);
        Assert.Equal("/api/v2/tickets", received.PathAndQuery);
        Assert.Equal("Bearer " + UpstreamSecret, received.Headers["Authorization"]);
        Assert.DoesNotContain(Token, string.Join("\n", received.Headers.Values), StringComparison.Ordinal);
        Assert.False(received.Headers.ContainsKey("Cookie"), "the agent's cookie went upstream");
        Assert.False(received.Headers.ContainsKey(Dome.Gateway.Credentials.UserAssertionSigner.HeaderName), "no user, so no user assertion");
        Assert.Equal("printer on fire", JsonNode.Parse(received.Body)!["subject"]!.GetValue<string>());

        // The upstream's cookie never reaches the agent; allowed headers do.
        var headers = body["result"]!["headers"]!.AsObject();
        Assert.False(headers.ContainsKey("set-cookie"));
        Assert.Equal("req-1", headers["x-request-id"]!.GetValue<string>());
        Assert.False(response.Headers.Contains("Set-Cookie"));

        var audited = await AuditOfAsync(callId);
        Assert.Equal(AuditDecisions.Allow, audited.Decision);
        Assert.Equal("zendesk/create_ticket", audited.Tool);
        Assert.Equal(200, audited.UpstreamStatus);
        Assert.Null(audited.Arguments);
        foreach (var step in new[] { "authenticate", "capability", "validate", "limits", "policy", "credential", "forward", "output", "total" })
        {
            Assert.True(audited.LatencyMs.ContainsKey(step), $"no latency for step `{step}`");
        }

        Assert.DoesNotContain("printer on fire", AuditJson.Serialize(audited), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_PathArgument_IsBoundIntoTheUrl()
    {
        Upstream.Answer("/api/v2/tickets/42", """{"id":42,"subject":"hello"}""");

        var (status, body, _) = await CallAsync(new { tool = "zendesk/get_ticket", arguments = new { id = 42 } });

        Assert.True(status == 200, body?.ToJsonString());
        Assert.Equal(42, body!["result"]!["body"]!["id"]!.GetValue<int>());
        Assert.Equal("/api/v2/tickets/42", Assert.Single(Upstream.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Call_UndeclaredTool_IsDeniedAndAuditedWithoutUpstreamCall()
    {
        await AddConnectionAsync("github", outputRules: null);
        await AddToolAsync("github/create_issue", "POST", "/issues", """{"type":"object"}""");

        var (status, body, _) = await CallAsync(new { tool = "github/create_issue", arguments = new { } });

        Assert.Equal(403, status);
        Assert.Equal("deny", Api.Str(body, "decision"));
        Assert.Equal("tool_not_declared", Api.Str(body, "code"));
        Assert.Empty(Upstream.Requests);
        var audited = await AuditOfAsync(Api.Str(body, "callId"));
        Assert.Equal(AuditDecisions.Deny, audited.Decision);
        Assert.Equal("tool_not_declared", audited.Reason);
    }

    [Fact]
    public async Task Check_DeclaredTool_AllowsWithoutCallingTheTool()
    {
        var (status, body, _) = await CallAsync(Ticket(), "/v1/check");

        Assert.True(status == 200, body?.ToJsonString());
        Assert.Equal("allow", Api.Str(body, "decision"));
        Assert.Empty(Upstream.Requests);
        var audited = await AuditOfAsync(Api.Str(body, "callId"));
        Assert.Equal(AuditEventKinds.ToolCheck, audited.Kind);
    }

    [Fact]
    public async Task Check_UndeclaredTool_AnswersDenyWithReason()
    {
        var (status, body, _) = await CallAsync(new { tool = "github/create_issue", arguments = new { } }, "/v1/check");

        Assert.Equal(200, status);
        Assert.Equal("deny", Api.Str(body, "decision"));
        Assert.Equal("tool_not_declared", Api.Str(body, "code"));
        Assert.NotEmpty(body!["reasons"]!.AsArray());
    }

    [Fact]
    public async Task Call_WithoutToken_Is401AndNothingIsForwarded()
    {
        using var client = Server.Client();
        var (status, body) = await Api.PostAsync(client, "/v1/tools/call", Ticket());

        Assert.Equal(401, status);
        Assert.Equal("unauthenticated", Api.Str(body, "code"));
        Assert.Empty(Upstream.Requests);
    }

    [Fact]
    public async Task Call_ApiKeyInsteadOfToken_Is401()
    {
        var (status, body, _) = await CallAsync(Ticket(), token: ApiKey);

        Assert.Equal(401, status);
        Assert.Equal("unauthenticated", Api.Str(body, "code"));
        Assert.Empty(Upstream.Requests);
    }
}
