using System.Text.Json.Nodes;
using Dome.Core.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Gateway;

/// <summary>Policy, escalation and redaction in the governed call, with policies published through the admin API.</summary>
public sealed class GatewayPolicyTests : GatewayTestBase
{
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

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await AddToolAsync("zendesk/create_refund", "POST", "/api/v2/refunds", """{"type":"object","properties":{"amount":{},"ticket":{"type":"integer"}}}""");
        await AddToolAsync("zendesk/get_customer", "GET", "/api/v2/customers/{id}", """{"type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}""");
        using var admin = Server.Client(Server.AdminKey);
        var (status, body) = await Api.PostAsync(admin, "/v1/admin/policy", new { files = new Dictionary<string, string> { ["rules.cedar"] = Policies } });
        Assert.True(status is 200 or 201, body?.ToJsonString());
    }

    [Fact]
    public async Task Call_LargeAmount_IsDeniedNamingThePolicy()
    {
        var (status, body, _) = await CallAsync(Ticket(amount: 20000));

        Assert.Equal(403, status);
        Assert.Equal("deny", Api.Str(body, "decision"));
        Assert.Equal("policy_denied", Api.Str(body, "code"));
        Assert.Contains("forbid-large-amount", body!["policyIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("forbid-large-amount", Api.Str(body, "detail"), StringComparison.Ordinal);
        Assert.Empty(Upstream.Requests);
        var audited = await AuditOfAsync(Api.Str(body, "callId"));
        Assert.Equal(AuditDecisions.Deny, audited.Decision);
        Assert.Contains("forbid-large-amount", audited.PolicyIds);
        Assert.NotNull(audited.PolicyVersion);
    }

    [Fact]
    public async Task Call_SmallAmount_IsAllowed()
    {
        var (status, body, _) = await CallAsync(Ticket(amount: 50));

        Assert.True(status == 200, body?.ToJsonString());
        Assert.Single(Upstream.Requests);
    }

    [Fact]
    public async Task Call_Escalated_ApprovedRetryPasses_ChangedArgumentsAreDenied()
    {
        object Refund(int amount, string? approvalId) => new { tool = "zendesk/create_refund", arguments = new { amount, ticket = 7 }, intent = "refund", approvalId };

        var (status, body, _) = await CallAsync(Refund(900, null));
        Assert.Equal(403, status);
        Assert.Equal("escalate", Api.Str(body, "decision"));
        Assert.Contains("escalate-large-refund", body!["policyIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        var approvalId = Api.Str(body, "approvalId");
        Assert.Empty(Upstream.Requests);
        Assert.Equal(AuditDecisions.Escalate, (await AuditOfAsync(Api.Str(body, "callId"))).Decision);

        // Before approval, the retry is still held.
        var (pending, pendingBody, _) = await CallAsync(Refund(900, approvalId));
        Assert.Equal(403, pending);
        Assert.Equal("escalate", Api.Str(pendingBody, "decision"));

        using var admin = Server.Client(Server.AdminKey);
        var (decided, decidedBody) = await Api.PostAsync(admin, $"/v1/admin/approvals/{approvalId}/approve", new { comment = "ok" });
        Assert.True(decided == 200, decidedBody?.ToJsonString());

        // The same approval with other arguments is void.
        var (changed, changedBody, _) = await CallAsync(Refund(901, approvalId));
        Assert.Equal(403, changed);
        Assert.Equal("deny", Api.Str(changedBody, "decision"));
        Assert.Empty(Upstream.Requests);

        var (retried, retriedBody, _) = await CallAsync(Refund(900, approvalId));
        Assert.True(retried == 200, retriedBody?.ToJsonString());
        Assert.Equal("allow", Api.Str(retriedBody, "decision"));
        Assert.Single(Upstream.Requests);
        Assert.Equal(approvalId, (await AuditOfAsync(Api.Str(retriedBody, "callId"))).ApprovalId);

        // An approval lets exactly one call through.
        var (again, againBody, _) = await CallAsync(Refund(900, approvalId));
        Assert.Equal(403, again);
        Assert.Equal("deny", Api.Str(againBody, "decision"));
        Assert.Single(Upstream.Requests);
    }

    [Fact]
    public async Task Call_RedactionRuleAndRedactPolicy_AreBothApplied()
    {
        await Server.Services.GetRequiredService<Dome.Core.Catalog.CatalogAdministration>().ReplaceConnectionAsync(TenantId, "zendesk", new Dome.Core.Catalog.ConnectionRequest
        {
            BaseUrl = Upstream.BaseAddress.AbsoluteUri,
            Auth = new Dome.Core.Catalog.AuthRequest { Kind = "bearer", Secret = "zendesk-token" },
            OutputRules = System.Text.Json.JsonDocument.Parse("""{"redact":["$.customer.ssn"]}""").RootElement.Clone(),
        }, Api.Ct);
        Upstream.Answer("/api/v2/customers/7", """{"customer":{"name":"Ada","email":"ada@example.com","ssn":"123-45-6789"}}""");

        var (status, body, _) = await CallAsync(new { tool = "zendesk/get_customer", arguments = new { id = 7 } });

        Assert.True(status == 200, body?.ToJsonString() + string.Join('\n', Server.Logs.Entries.Where(e => e.EventId == 6002).Select(e => e.Exception)));
        var customer = body!["result"]!["body"]!["customer"]!;
        Assert.Equal("Ada", customer["name"]!.GetValue<string>());
        Assert.DoesNotContain("123-45-6789", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ada@example.com", body.ToJsonString(), StringComparison.Ordinal);
        var audited = await AuditOfAsync(Api.Str(body, "callId"));
        Assert.True(audited.Redactions.Values.Sum() >= 2, AuditJson.Serialize(audited));
        Assert.DoesNotContain("ada@example.com", AuditJson.Serialize(audited), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_PolicyEvaluationError_IsDeniedNeverAllowed()
    {
        // `amount` is a string, so `context.args.amount > 10000` fails to evaluate: the call is denied, not decided without it.
        var (status, body, _) = await CallAsync(new { tool = "zendesk/create_refund", arguments = new { amount = "lots" } });

        Assert.Equal(403, status);
        Assert.Equal("deny", Api.Str(body, "decision"));
        Assert.Equal("policy_error", Api.Str(body, "code"));
        Assert.Contains("forbid-large-amount", body!["policyIds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Empty(Upstream.Requests);
        Assert.Equal("policy_error", (await AuditOfAsync(Api.Str(body, "callId"))).Reason);
    }

    [Fact]
    public async Task AuditQuery_EachCallAppearsOnceWithItsDecision()
    {
        var allowed = Api.Str((await CallAsync(Ticket(amount: 10))).Body, "callId");
        var denied = Api.Str((await CallAsync(Ticket(amount: 99999))).Body, "callId");
        var undeclared = Api.Str((await CallAsync(new { tool = "github/create_issue", arguments = new { } })).Body, "callId");

        using var admin = Server.Client(Server.AdminKey);
        JsonArray? events = null;
        await Api.EventuallyAsync(async () =>
        {
            var (status, body) = await Api.GetAsync(admin, "/v1/audit?limit=100");
            events = status == 200 ? body?["events"]?.AsArray() : null;
            return events is not null && events.Count(e => e!["id"]!.GetValue<string>() is var id && (id == allowed || id == denied || id == undeclared)) == 3;
        }, "the three calls in the audit store");

        string DecisionOf(string id) => Assert.Single(events!, e => e!["id"]!.GetValue<string>() == id)!["decision"]!.GetValue<string>();
        Assert.Equal("allow", DecisionOf(allowed));
        Assert.Equal("deny", DecisionOf(denied));
        Assert.Equal("deny", DecisionOf(undeclared));
    }
}
