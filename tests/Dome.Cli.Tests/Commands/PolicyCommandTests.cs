using Dome.Core.Audit;
using Dome.Core.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Cli.Tests.Commands;

/// <summary><c>dome policy</c>, <c>dome approvals</c> and <c>dome audit</c> against a real server.</summary>
public sealed class PolicyCommandTests : CliTestBase
{
    [Fact]
    public async Task PolicyPublish_Directory_PublishesAndShowLists()
    {
        var dir = Path.Combine(WorkDir, "mine");
        Directory.CreateDirectory(Path.Combine(dir, "limits"));
        await File.WriteAllTextAsync(Path.Combine(dir, "limits", "amount.cedar"), """
            @id("forbid-large-amount")
            forbid (principal, action == Dome::Action::"call", resource) when { context.args has amount && context.args.amount > 10000 };
            """, TestContext.Current.CancellationToken);

        var publish = await RunAsync("policy publish mine");
        var show = await RunAsync("policy show");
        var file = await RunAsync("policy show --file limits/amount.cedar");

        Assert.Equal(0, publish.ExitCode);
        Assert.Contains("published sha256:", publish.Output, StringComparison.Ordinal);
        Assert.Contains("forbid-large-amount", show.Output, StringComparison.Ordinal);
        Assert.Contains("limits/amount.cedar", show.Output, StringComparison.Ordinal);
        Assert.Contains("@escalate(\"high-risk tool for a standard-tier agent\")", show.Output, StringComparison.Ordinal);
        Assert.Contains("context.args.amount > 10000", file.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyPublish_Invalid_Exit3WithErrorsAndNothingPublished()
    {
        await File.WriteAllTextAsync(Path.Combine(WorkDir, "bad.cedar"), """
            @id("bad")
            permit (principal, action == Dome::Action::"call", resource) when { principal.nickname == "x" };
            """, TestContext.Current.CancellationToken);

        var publish = await RunAsync("policy publish bad.cedar");
        var show = await RunAsync("policy show");

        Assert.Equal(3, publish.ExitCode);
        Assert.Contains("bad.cedar:2:", publish.Error, StringComparison.Ordinal);
        Assert.Contains("(bad)", publish.Error, StringComparison.Ordinal);
        Assert.Contains("nothing published yet", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicySettings_SetJudge_Shown()
    {
        var set = await RunAsync("policy settings --judge-url http://127.0.0.1:9/judge --judge-timeout-ms 1500");
        var show = await RunAsync("policy settings");

        Assert.Equal(0, set.ExitCode);
        Assert.Contains("judge: http://127.0.0.1:9/judge", show.Output, StringComparison.Ordinal);
        Assert.Contains("judge timeout ms: 1500", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovalsApprove_UnknownId_Fails()
    {
        var run = await RunAsync("approvals approve apr_aaaaaaaaaaaaaaaaaaaaaaaaaa");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no approval", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditQuery_EventsOfTheTenant_ListedAndFilteredAsJson()
    {
        var tenants = Server.Services.GetRequiredService<Dome.Core.Storage.ITenantStore>();
        var tenantId = (await tenants.FindTenantByNameAsync("default", TestContext.Current.CancellationToken))!.Id;
        var sink = Server.Services.GetRequiredService<IAuditSink>();
        foreach (var (id, decision) in new[] { ("call_1", "allow"), ("call_2", "deny"), ("call_3", "deny") })
        {
            await sink.WriteAsync(new AuditEvent { Id = id, Kind = AuditEventKinds.ToolCall, Time = DateTimeOffset.UtcNow, TenantId = tenantId, AgentId = "agt_1", AgentName = "triage", Tool = "zendesk/create_ticket", Decision = decision }, TestContext.Current.CancellationToken);
        }

        var queue = Server.Services.GetRequiredService<IMessageQueue>();
        for (var i = 0; i < 500 && await queue.CountAsync(QueueNames.Audit, TestContext.Current.CancellationToken) > 0; i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var table = await RunAsync("audit query --agent triage");
        var json = await RunAsync("audit query --decision deny --limit 1 -o json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("call_1", table.Output, StringComparison.Ordinal);
        Assert.Contains("call_3", table.Output, StringComparison.Ordinal);
        var events = System.Text.Json.Nodes.JsonNode.Parse(json.Output)!.AsArray();
        Assert.Equal("deny", Assert.Single(events)!["decision"]!.GetValue<string>());
    }
}
