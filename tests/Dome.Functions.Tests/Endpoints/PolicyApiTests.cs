using System.Text.Json.Nodes;
using Dome.Core.Audit;
using Dome.Core.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Functions.Tests.Endpoints;

/// <summary><c>/v1/admin/policy</c>, <c>/v1/admin/approvals</c> and <c>GET /v1/audit</c> on the real server.</summary>
public sealed class PolicyApiTests : ServerTestBase
{
    private const string LargeAmount = """
        @id("forbid-large-amount")
        forbid (principal, action == Dome::Action::"call", resource)
        when { context.args has amount && context.args.amount > 10000 };
        """;

    [Fact]
    public async Task Publish_ValidSet_LiveAndShownWithVersion()
    {
        using var admin = Server.Client(Server.AdminKey);

        var (status, body) = await Api.PostAsync(admin, "/v1/admin/policy", new { files = new Dictionary<string, string> { ["limits.cedar"] = LargeAmount } });
        var shown = (await Api.GetAsync(admin, "/v1/admin/policy")).Body!;

        Assert.Equal(200, status);
        Assert.StartsWith("sha256:", Api.Str(body, "version"), StringComparison.Ordinal);
        Assert.Equal(Api.Str(body, "version"), Api.Str(shown, "version"));
        Assert.True(shown["published"]!.GetValue<bool>());
        Assert.Contains(shown["policies"]!.AsArray(), p => Api.Str(p, "id") == "forbid-large-amount");
        Assert.Contains(shown["policies"]!.AsArray(), p => Api.Str(p, "id") == "tier-standard");
        Assert.Single(shown["history"]!.AsArray());
    }

    [Fact]
    public async Task Publish_InvalidSet_400WithErrorsAndNothingChanged()
    {
        using var admin = Server.Client(Server.AdminKey);
        var before = Api.Str((await Api.GetAsync(admin, "/v1/admin/policy")).Body, "version");
        var bad = "forbid (principal, action == Dome::Action::\"call\", resource) when { context.args.unknown == 1 };";

        var (status, problem) = await Api.PostAsync(admin, "/v1/admin/policy", new { files = new Dictionary<string, string> { ["bad.cedar"] = bad } });

        Assert.Equal(400, status);
        Assert.Equal("invalid_policy", Api.Str(problem, "reason"));
        var error = problem!["errors"]!.AsArray().Single()!;
        Assert.Equal("bad.cedar", Api.Str(error, "file"));
        Assert.Equal(before, Api.Str((await Api.GetAsync(admin, "/v1/admin/policy")).Body, "version"));
        Assert.Empty((await Api.GetAsync(admin, "/v1/admin/policy")).Body!["history"]!.AsArray());
    }

    [Fact]
    public async Task Settings_SetAndRead_RoundTrip_BadUrlRefused()
    {
        using var admin = Server.Client(Server.AdminKey);

        var (status, _) = await Api.PostAsync(admin, "/v1/admin/policy/settings", new { judgeUrl = "http://127.0.0.1:9/judge", judgeTimeoutMs = 1500 });
        var (bad, _) = await Api.PostAsync(admin, "/v1/admin/policy/settings", new { judgeUrl = "file:///etc/passwd" });
        var shown = (await Api.GetAsync(admin, "/v1/admin/policy/settings")).Body!;

        Assert.Equal((200, 400), (status, bad));
        Assert.Equal("http://127.0.0.1:9/judge", Api.Str(shown, "judgeUrl"));
        Assert.Equal(1500, shown["judgeTimeoutMs"]!.GetValue<int>());
    }

    [Fact]
    public async Task Approvals_UnknownAction_404_UnknownStatus_400()
    {
        using var admin = Server.Client(Server.AdminKey);

        Assert.Equal(404, (await Api.PostAsync(admin, "/v1/admin/approvals/apr_aaaaaaaaaaaaaaaaaaaaaaaaaa/maybe")).Status);
        Assert.Equal(400, (await Api.GetAsync(admin, "/v1/admin/approvals?status=sleeping")).Status);
        Assert.Empty((await Api.GetAsync(admin, "/v1/admin/approvals")).Body!.AsArray());
    }

    [Fact]
    public async Task Audit_EventOnQueue_ReachesStoreThroughAuditFunction_TenantIsolated()
    {
        using var admin = Server.Client(Server.AdminKey);
        var tenantId = Api.Str((await Api.GetAsync(admin, "/v1/admin/tenant")).Body, "id");
        var sink = Server.Services.GetRequiredService<IAuditSink>();
        await sink.WriteAsync(Event("call_a", tenantId, "deny"), Api.Ct);
        await sink.WriteAsync(Event("call_b", tenantId, "allow"), Api.Ct);
        await sink.WriteAsync(Event("call_other", "some-other-tenant", "allow"), Api.Ct);
        var queue = Server.Services.GetRequiredService<IMessageQueue>();
        await Api.EventuallyAsync(async () => await queue.CountAsync(QueueNames.Audit, Api.Ct) == 0, "the audit queue to drain");

        var all = (await Api.GetAsync(admin, "/v1/audit")).Body!;
        var denied = (await Api.GetAsync(admin, "/v1/audit?decision=deny")).Body!;
        var paged = (await Api.GetAsync(admin, "/v1/audit?limit=1")).Body!;
        var next = (await Api.GetAsync(admin, "/v1/audit?limit=1&continuationToken=" + Uri.EscapeDataString(Api.Str(paged, "continuationToken")))).Body!;

        Assert.Equal(["call_a", "call_b"], Ids(all).Order());
        Assert.Equal(["call_a"], Ids(denied));
        Assert.Equal(Ids(all), Ids(paged).Concat(Ids(next)));
        Assert.Null(next["continuationToken"]);
        Assert.Equal(400, (await Api.GetAsync(admin, "/v1/audit?decision=perhaps")).Status);
        Assert.Equal(400, (await Api.GetAsync(admin, "/v1/audit?continuationToken=forged")).Status);
        using var operatorClient = Server.Client(Server.OperatorKey);
        Assert.Equal(403, (await Api.GetAsync(operatorClient, "/v1/audit")).Status);
    }

    private static AuditEvent Event(string id, string tenant, string decision) => new()
    {
        Id = id,
        Kind = AuditEventKinds.ToolCall,
        Time = DateTimeOffset.UtcNow,
        TenantId = tenant,
        AgentId = "agt_x",
        Tool = "zendesk/create_ticket",
        Decision = decision,
    };

    private static string[] Ids(JsonNode page) => page["events"]!.AsArray().Select(e => Api.Str(e, "id")).ToArray();
}
