using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dome.Core.Audit;
using Dome.Core.Catalog;
using Dome.Core.Queues;
using Dome.Core.Secrets;
using Dome.Testing;
using IdentityTokens = Dome.Functions.Tests.Identity.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Gateway;

/// <summary>
/// A real Dome server and a real upstream on loopback, with an active agent declaring <c>zendesk</c>, a
/// <c>zendesk</c> connection to the upstream (bearer auth from secret <c>zendesk-token</c>), and its tools.
/// </summary>
public abstract class GatewayTestBase : ServerTestBase
{
    protected const string UpstreamSecret = "zd-secret-value-1234";

    protected const string TicketSchema = """
        {"type":"object","properties":{"subject":{"type":"string","maxLength":200},"amount":{"type":"number"},"priority":{"type":"string","enum":["low","high"]}},
         "required":["subject"],"additionalProperties":false}
        """;

    protected TestUpstream Upstream { get; private set; } = null!;

    protected string TenantId { get; private set; } = null!;

    protected string ApiKey { get; private set; } = null!;

    protected string Token { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Upstream = await TestUpstream.StartAsync();
        using var admin = Server.Client(Server.AdminKey);
        TenantId = Api.Str((await Api.GetAsync(admin, "/v1/admin/tenant")).Body, "id");
        ApiKey = await IdentityTokens.ActiveAgentAsync(Server, "support-bot");
        await AddConnectionAsync("zendesk", outputRules: null);
        await AddToolAsync("zendesk/create_ticket", "POST", "/api/v2/tickets", TicketSchema);
        await AddToolAsync("zendesk/get_ticket", "GET", "/api/v2/tickets/{id}", """{"type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}""");
        await SetSecretAsync("zendesk-token", UpstreamSecret);
        Token = await IdentityTokens.TokenAsync(Server, IdentityTokens.AgentAlone(ApiKey));
    }

    public override async ValueTask DisposeAsync()
    {
        await Upstream.DisposeAsync();
        await base.DisposeAsync();
    }

    private CatalogAdministration Catalog => Server.Services.GetRequiredService<CatalogAdministration>();

    protected Task AddConnectionAsync(string name, string? outputRules, string auth = "bearer", string? secret = "zendesk-token") =>
        Catalog.AddConnectionAsync(TenantId, new ConnectionRequest
        {
            Name = name,
            BaseUrl = Upstream.BaseAddress.AbsoluteUri,
            Auth = new AuthRequest { Kind = auth, Secret = auth == "none" ? null : secret, Header = auth == "header" ? "X-Api-Key" : null },
            OutputRules = outputRules is null ? null : JsonDocument.Parse(outputRules).RootElement.Clone(),
        }, Api.Ct);

    protected Task AddToolAsync(string tool, string method, string path, string schema, string? outputRules = null, string? risk = null, bool auditArguments = false) =>
        Catalog.AddToolAsync(TenantId, new ToolRequest
        {
            Tool = tool,
            Method = method,
            Path = path,
            InputSchema = JsonDocument.Parse(schema).RootElement.Clone(),
            OutputRules = outputRules is null ? null : JsonDocument.Parse(outputRules).RootElement.Clone(),
            Risk = risk,
            AuditArguments = auditArguments,
        }, Api.Ct);

    protected Task SetSecretAsync(string name, string value) =>
        Server.Services.GetRequiredService<ISecretStore>().SetAsync(TenantId, name, new SecretValue(value), DateTimeOffset.UtcNow, Api.Ct);

    /// <summary>Calls <c>/v1/tools/call</c> (or another gateway path) with the agent's token and a JSON body (an object, or raw text).</summary>
    protected async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> CallAsync(object body, string path = "/v1/tools/call", string? token = null)
    {
        using var client = Server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        request.Headers.Add("Cookie", "agent-session=do-not-forward");
        var response = await client.SendAsync(request, Api.Ct);
        var text = await response.Content.ReadAsStringAsync(Api.Ct);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    protected static object Ticket(string subject = "printer on fire", double? amount = null, string? approvalId = null) => new Dictionary<string, object?>
    {
        ["tool"] = "zendesk/create_ticket",
        ["arguments"] = amount is null ? new Dictionary<string, object?> { ["subject"] = subject } : new Dictionary<string, object?> { ["subject"] = subject, ["amount"] = amount },
        ["intent"] = "open a ticket for the user's printer",
        ["approvalId"] = approvalId,
    };

    /// <summary>The tenant's audit events, still on the <c>dome-audit</c> queue or already stored, by call id.</summary>
    protected async Task<IReadOnlyDictionary<string, AuditEvent>> AuditEventsAsync()
    {
        var queue = Server.Services.GetRequiredService<IMessageQueue>();
        var events = new Dictionary<string, AuditEvent>(StringComparer.Ordinal);
        var seen = new HashSet<(string Id, int Stage)>();
        foreach (var body in await PeekAllAsync(queue))
        {
            foreach (var queued in AuditJson.DeserializeMessage(body))
            {
                // A forwarded call has a decided (0) and a completed (1) event: the later stage is the call's event.
                Assert.True(seen.Add((queued.Id, queued.Stage)), $"call {queued.Id} was audited twice at stage {queued.Stage}");
                if (!events.TryGetValue(queued.Id, out var earlier) || earlier.Stage < queued.Stage)
                {
                    events[queued.Id] = queued;
                }
            }
        }

        if (Server.Services.GetService<IAuditStore>() is { } store)
        {
            var page = await store.QueryAsync(new AuditQuery { TenantId = TenantId, Limit = 1000 }, Api.Ct);
            // An event seen on the queue and then in the store is the same event in transit (the store is idempotent by id).
            foreach (var stored in page.Events)
            {
                if (!events.TryGetValue(stored.Id, out var queued) || queued.Stage <= stored.Stage)
                {
                    events[stored.Id] = stored;
                }
            }
        }

        return events;
    }

    /// <summary>The audit event of one call, failing if it was not audited exactly once.</summary>
    protected async Task<AuditEvent> AuditOfAsync(string callId)
    {
        var events = await AuditEventsAsync();
        Assert.True(events.TryGetValue(callId, out var found), $"call {callId} was not audited");
        return found;
    }

    private async Task<IReadOnlyList<string>> PeekAllAsync(IMessageQueue queue)
    {
        await using var connection = await Server.Database.OpenConnectionAsync(Api.Ct);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT body FROM queue_messages WHERE queue = $queue ORDER BY seq";
        command.Parameters.AddWithValue("$queue", QueueNames.Audit);
        var bodies = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Api.Ct);
        while (await reader.ReadAsync(Api.Ct))
        {
            bodies.Add(reader.GetString(0));
        }

        _ = queue;
        return bodies;
    }
}
