using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dome.Testing;

namespace Dome.Cli.Tests.Commands;

/// <summary>
/// Issue 6's whole story from the CLI, against a real Dome and a real upstream on loopback: register and activate an
/// agent with `--tool zendesk`, add the connection with a secret, import its OpenAPI, exchange a token, call tools,
/// publish policies, approve an escalation, and find every call once in `dome audit query`.
/// </summary>
public sealed class GovernedCallStoryTests : CliTestBase
{
    private const string Secret = "zd-live-secret-42";

    private const string OpenApi = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Zendesk (test)", "version": "1" },
          "paths": {
            "/api/v2/tickets": {
              "post": {
                "operationId": "create_ticket",
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                  "type": "object", "required": ["subject"],
                  "properties": { "subject": { "type": "string" }, "amount": { "type": "integer" } } } } } },
                "responses": { "200": { "description": "created" } }
              }
            },
            "/api/v2/refunds": {
              "post": {
                "operationId": "create_refund",
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                  "type": "object", "required": ["amount"],
                  "properties": { "amount": { "type": "integer" }, "ticket": { "type": "integer" } } } } } },
                "responses": { "200": { "description": "refunded" } }
              }
            },
            "/api/v2/customers/{id}": {
              "get": {
                "operationId": "get_customer",
                "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ],
                "responses": { "200": { "description": "the customer" } }
              }
            }
          }
        }
        """;

    private const string Policies = """
        @id("forbid-large-amount")
        forbid (principal, action == Dome::Action::"call", resource)
        when { context.args has amount && context.args.amount > 10000 };

        @id("escalate-large-refund")
        @escalate("refund above 500 needs approval")
        forbid (principal, action == Dome::Action::"call", resource)
        when { resource.operation == "create_refund" && context.args has amount && context.args.amount > 500 }
        unless { context has approval };

        @id("redact-customer-email")
        @redact("$.customer.email")
        permit (principal is Dome::Agent, action == Dome::Action::"call", resource is Dome::Tool)
        when { resource.operation == "get_customer" };
        """;

    [Fact]
    public async Task WholeStory_FromTheCli_EveryStepHoldsAndEveryCallIsAuditedOnce()
    {
        await using var upstream = await TestUpstream.StartAsync();
        upstream.Answer("/api/v2/customers/7", """{"customer":{"name":"Ada","email":"ada@example.com","ssn":"123-45-6789"}}""");

        // Register and activate an agent that declares the connection `zendesk`.
        var registered = await RunAsync("agents register --name support-bot --tier standard --tool zendesk --require-actas none");
        Assert.True(registered.ExitCode == 0, registered.Error);
        var apiKey = registered.Output.Split("store it now): ")[1].Trim();
        Assert.Equal(0, (await RunAsync("agents activate support-bot")).ExitCode);

        // The connection, its secret (from stdin), its OpenAPI, output rules redacting the SSN.
        var rules = Path.Combine(WorkDir, "rules.json");
        await File.WriteAllTextAsync(rules, """{"redact":["$.customer.ssn"]}""", Ct);
        var added = await RunArgsAsync("tools", "add-connection", "zendesk", "--base-url", upstream.BaseAddress.AbsoluteUri, "--auth", "bearer", "--secret", "zendesk-token", "--output-rules", rules);
        Assert.True(added.ExitCode == 0, added.Error);
        Stdin = Secret + "\n";
        var secret = await RunAsync("secrets set zendesk-token");
        Stdin = null;
        Assert.True(secret.ExitCode == 0, secret.Error);
        Assert.DoesNotContain(Secret, secret.Output + secret.Error, StringComparison.Ordinal);
        var spec = Path.Combine(WorkDir, "zendesk.json");
        await File.WriteAllTextAsync(spec, OpenApi, Ct);
        var imported = await RunArgsAsync("tools", "import-openapi", "zendesk", "--spec", spec);
        Assert.True(imported.ExitCode == 0, imported.Error);

        // A token for the agent.
        var exchanged = await RunArgsAsync("token", "exchange", "--api-key", apiKey);
        Assert.True(exchanged.ExitCode == 0, exchanged.Error);
        var token = exchanged.Output.Trim();

        // Call → the upstream got the injected secret and no Dome token.
        var (status, body) = await CallAsync(token, new { tool = "zendesk/create_ticket", arguments = new { subject = "printer on fire" }, intent = "open a ticket" });
        Assert.True(status == 200, body?.ToJsonString());
        var allowed = Str(body, "callId");
        var received = Assert.Single(upstream.Requests);
        Assert.Equal("Bearer " + Secret, received.Headers["Authorization"]);
        Assert.DoesNotContain(token, string.Join("\n", received.Headers.Values), StringComparison.Ordinal);

        // An undeclared tool → deny.
        (status, body) = await CallAsync(token, new { tool = "github/create_issue", arguments = new { } });
        Assert.Equal((403, "deny"), (status, Str(body, "decision")));
        var undeclared = Str(body, "callId");

        // Policies: a large amount is denied naming the policy.
        var policyFile = Path.Combine(WorkDir, "rules.cedar");
        await File.WriteAllTextAsync(policyFile, Policies, Ct);
        var published = await RunArgsAsync("policy", "publish", policyFile);
        Assert.True(published.ExitCode == 0, published.Error);
        (status, body) = await CallAsync(token, new { tool = "zendesk/create_ticket", arguments = new { subject = "big", amount = 20000 } });
        Assert.Equal((403, "deny"), (status, Str(body, "decision")));
        Assert.Contains("forbid-large-amount", body!["policyIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        var large = Str(body, "callId");

        // @escalate → escalate; approve; the same approval with changed arguments is denied; the retry passes.
        (status, body) = await CallAsync(token, new { tool = "zendesk/create_refund", arguments = new { amount = 900, ticket = 7 } });
        Assert.Equal((403, "escalate"), (status, Str(body, "decision")));
        var escalated = Str(body, "callId");
        var approvalId = Str(body, "approvalId");
        var approved = await RunArgsAsync("approvals", "approve", approvalId, "--comment", "customer verified");
        Assert.True(approved.ExitCode == 0, approved.Error);
        (status, body) = await CallAsync(token, new { tool = "zendesk/create_refund", arguments = new { amount = 901, ticket = 7 }, approvalId });
        Assert.Equal((403, "deny"), (status, Str(body, "decision")));
        var changed = Str(body, "callId");
        (status, body) = await CallAsync(token, new { tool = "zendesk/create_refund", arguments = new { amount = 900, ticket = 7 }, approvalId });
        Assert.True(status == 200, body?.ToJsonString());
        var retried = Str(body, "callId");

        // The connection's redaction rule and the @redact policy both apply.
        (status, body) = await CallAsync(token, new { tool = "zendesk/get_customer", arguments = new { id = 7 } });
        Assert.True(status == 200, body?.ToJsonString());
        Assert.Equal("Ada", body!["result"]!["body"]!["customer"]!["name"]!.GetValue<string>());
        Assert.DoesNotContain("123-45-6789", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ada@example.com", body.ToJsonString(), StringComparison.Ordinal);
        var redacted = Str(body, "callId");

        // Each call appears once in `dome audit query` with its decision.
        var expected = new Dictionary<string, string>
        {
            [allowed] = "allow", [undeclared] = "deny", [large] = "deny", [escalated] = "escalate",
            [changed] = "deny", [retried] = "allow", [redacted] = "allow",
        };
        JsonArray events = [];
        var deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            var query = await RunAsync("audit query --output json");
            Assert.True(query.ExitCode == 0, query.Error);
            events = JsonNode.Parse(query.Output)!.AsArray();
            if (expected.Keys.All(id => events.Any(e => e!["id"]!.GetValue<string>() == id)))
            {
                break;
            }

            await Task.Delay(50, Ct);
        }
        while (DateTime.UtcNow < deadline);

        foreach (var (id, decision) in expected)
        {
            var found = Assert.Single(events, e => e!["id"]!.GetValue<string>() == id);
            Assert.Equal(decision, found!["decision"]!.GetValue<string>());
        }

        Assert.Equal(3, upstream.Requests.Count);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Str(JsonNode? node, string name) => node?[name]?.GetValue<string>() ?? throw new InvalidOperationException($"`{name}` missing in {node?.ToJsonString()}");

    private async Task<(int Status, JsonNode? Body)> CallAsync(string token, object body)
    {
        using var client = Server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tools/call")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
