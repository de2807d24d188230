using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dome.Core.Audit;
using Dome.Core.Queues;
using Dome.Storage.Azure;
using Dome.Storage.Azure.KeyVault;
using Dome.Testing;
using Dome.Testing.Azurite;
using Dome.Testing.KeyVault;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using IdentityTokens = Dome.Functions.Tests.Identity.Tokens;

namespace Dome.Functions.Tests.Azure;

/// <summary>
/// The gateway story with <c>Dome:Storage:Kind=azure</c>: tables and queues on Azurite (Shared Key), secrets and
/// signing keys in the Key Vault stand-in (no Key Vault emulator exists), and the queue-triggered <c>lifecycle</c>
/// and <c>audit</c> functions driven by <see cref="FunctionsHostStandIn"/> from the outside, as the Functions host
/// would: the app's own dispatcher is off. The only test in this assembly that uses Dome's fixed queue names.
/// </summary>
public sealed class AzureGatewayStoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string UpstreamSecret = "zd-secret-value-on-key-vault";

    private static readonly TimeSpan QueueDeadline = TimeSpan.FromSeconds(60);

    private readonly TempDirectory directory = new();
    private KeyVaultStandIn vault = null!;
    private TestUpstream upstream = null!;
    private DomeTestServer server = null!;
    private FunctionsHostStandIn host = null!;
    private IMessageQueue queue = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var tables = await azurite.GetTableServiceAsync(AzuriteAuth.SharedKey);
        var queues = await azurite.GetQueueServiceAsync(AzuriteAuth.SharedKey);
        vault = await KeyVaultStandIn.StartAsync(Ct);
        upstream = await TestUpstream.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Dome:Storage:Kind"] = "azure",
            ["Dome:Storage:Azure:TableEndpoint"] = tables.Endpoint.AbsoluteUri,
            ["Dome:Storage:Azure:QueueEndpoint"] = queues.Endpoint.AbsoluteUri,
            ["Dome:Storage:Azure:AccountName"] = AzuriteFixture.AccountName,
            ["Dome:Storage:Azure:AccountKey"] = AzuriteFixture.AccountKey,
            ["Dome:Storage:Azure:TablePrefix"] = AzuriteFixture.UniqueName("e2e"),
            ["Dome:KeyVault:Uri"] = vault.VaultUri.AbsoluteUri,
            ["Dome:Dispatcher:Enabled"] = "false",
        };

        // Key Vault is the stand-in: its transport trusts exactly its certificate, its credential is the only one it accepts.
        server = await DomeTestServer.StartAsync(directory.Path, settings, services => services.AddSingleton(sp => new AzureConnections(
            sp.GetRequiredService<IOptions<AzureStorageOptions>>().Value, keyVaultOptions: vault.Options(), keyVaultCredential: vault.Credential)));
        queue = new AzureConnections(server.Services.GetRequiredService<IOptions<AzureStorageOptions>>().Value).MessageQueue();
        host = FunctionsHostStandIn.Start(queue, server.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
        await upstream.DisposeAsync();
        await vault.DisposeAsync();
        directory.Dispose();
    }

    [Fact]
    public async Task GatewayStory_OnAzurite_ThroughTheFunctionsHostStandIn()
    {
        Assert.Equal(["audit:dome-audit", "lifecycle:dome-lifecycle"], host.Functions.Select(f => f.Name + ":" + f.Queue));
        Assert.IsNotType<Dome.Storage.Sqlite.SqliteMessageQueue>(server.Services.GetRequiredService<IMessageQueue>());
        using var admin = server.Client(server.AdminKey);
        var tenantId = Api.Str((await Api.GetAsync(admin, "/v1/admin/tenant")).Body, "id");

        // Register and activate: both lifecycle events are processed by the `lifecycle` function through the queue.
        var apiKey = await IdentityTokens.ActiveAgentAsync(server, "support-bot");
        await EventuallyAsync(async () => History(await Api.GetAsync(admin, "/v1/admin/agents/support-bot")) is { Count: 2 } events && events.All(e => e?["processedAt"] is not null), "both lifecycle events processed");

        // Connection, secret (into Key Vault), tool.
        Assert.Equal(201, (await Api.SendAsync(admin, HttpMethod.Put, "/v1/admin/secrets/zendesk-token", new { value = UpstreamSecret })).Status);
        Assert.Equal(UpstreamSecret, vault.Vault.LatestValue(KeyVaultNames.Secret(tenantId, "zendesk-token")));
        var (connection, connectionBody) = await Api.PostAsync(admin, "/v1/admin/connections", new { name = "zendesk", baseUrl = upstream.BaseAddress.AbsoluteUri, auth = new { kind = "bearer", secret = "zendesk-token" } });
        Assert.True(connection == 201, connectionBody?.ToJsonString());
        var (tool, toolBody) = await Api.PostAsync(admin, "/v1/admin/tools", new
        {
            tool = "zendesk/create_ticket",
            method = "POST",
            path = "/api/v2/tickets",
            inputSchema = JsonNode.Parse("""{"type":"object","properties":{"subject":{"type":"string"}},"required":["subject"],"additionalProperties":false}"""),
        });
        Assert.True(tool == 201, toolBody?.ToJsonString());

        // Token exchange: signed with a key that lives in Key Vault.
        var token = await IdentityTokens.TokenAsync(server, IdentityTokens.AgentAlone(apiKey));
        var kid = IdentityTokens.Part(token, 0)["kid"]!.GetValue<string>();
        Assert.Contains(KeyVaultNames.SigningKey(kid), vault.Vault.Names());

        // An allowed call, with the secret from Key Vault injected upstream.
        var (allowed, allowedBody) = await CallAsync(token, new { tool = "zendesk/create_ticket", arguments = new { subject = "printer on fire" } });
        Assert.True(allowed == 200, allowedBody?.ToJsonString());
        var received = Assert.Single(upstream.Requests);
        Assert.Equal("Bearer " + UpstreamSecret, received.Headers["Authorization"]);

        // A denied call: the tool is not declared.
        var (denied, deniedBody) = await CallAsync(token, new { tool = "github/create_issue", arguments = new { } });
        Assert.Equal(403, denied);
        Assert.Equal("tool_not_declared", Api.Str(deniedBody, "code"));
        Assert.Single(upstream.Requests);

        // Both calls audited: queued on dome-audit, stored in Table Storage by the `audit` function.
        var store = server.Services.GetRequiredService<IAuditStore>();
        var callIds = new[] { Api.Str(allowedBody, "callId"), Api.Str(deniedBody, "callId") };
        IReadOnlyList<AuditEvent> stored = [];
        await EventuallyAsync(async () =>
        {
            stored = (await store.QueryAsync(new AuditQuery { TenantId = tenantId, Limit = 100 }, Ct)).Events;
            return callIds.All(id => stored.Any(e => e.Id == id));
        }, "both calls' audit events stored");
        Assert.Equal(AuditDecisions.Allow, stored.Single(e => e.Id == callIds[0]).Decision);
        Assert.Equal(AuditDecisions.Deny, stored.Single(e => e.Id == callIds[1]).Decision);
        await EventuallyAsync(async () => await queue.CountAsync(QueueNames.Audit, Ct) == 0, "the audit queue to drain");

        // Suspension: its lifecycle event is processed through the queue and the token stops working.
        Assert.Equal(200, (await Api.PostAsync(admin, "/v1/admin/agents/support-bot/suspend")).Status);
        await EventuallyAsync(async () => History(await Api.GetAsync(admin, "/v1/admin/agents/support-bot")) is { Count: 3 } events && events.All(e => e?["processedAt"] is not null), "the suspension processed");
        Assert.Equal(401, (await CallAsync(token, new { tool = "zendesk/create_ticket", arguments = new { subject = "again" } })).Status);
        Assert.Single(upstream.Requests);
    }

    [Fact]
    public async Task AuditMessageThatAlwaysFails_IsRetriedThenMovedToPoison()
    {
        var body = """{"not":"an audit event ✓"}""";
        await queue.SendAsync(QueueNames.Audit, body, Ct);

        await EventuallyAsync(async () => (await queue.PeekAsync(QueueNames.Poison(QueueNames.Audit), 32, Ct)).Any(m => m.Body == body), "the message in dome-audit-poison");

        Assert.DoesNotContain(await queue.PeekAsync(QueueNames.Audit, 32, Ct), m => m.Body == body);
        Assert.Contains(server.Logs.Entries, e => e.Message.Contains("Function audit failed on delivery " + host.Settings.MaxDequeueCount, StringComparison.Ordinal));
    }

    private static List<JsonNode?>? History((int Status, JsonNode? Body) agent) => agent.Body?["history"]?.AsArray().ToList();

    private async Task<(int Status, JsonNode? Body)> CallAsync(string token, object body)
    {
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tools/call")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Waits for work done by the queue triggers (seconds: Azurite's visibility unit and the host's retry delay).</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + QueueDeadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(100, Ct);
        }
    }
}
