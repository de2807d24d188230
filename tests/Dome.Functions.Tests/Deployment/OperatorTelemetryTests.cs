using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dome.Functions.Hosting;
using Dome.Functions.Tests.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dome.Functions.Tests.Deployment;

/// <summary>
/// The operators' workbook (infra/workbook) charts log records Dome really writes: a denied call and a suspension
/// on a real server produce the decision (6001), audit (4100) and lifecycle (4101) records with the fields every
/// workbook query reads, and without the call's arguments.
/// </summary>
public sealed partial class OperatorTelemetryTests : GatewayTestBase
{
    private readonly StructuredLogCapture logs = new();

    protected override Action<IServiceCollection>? Services => services => services.AddSingleton<ILoggerProvider>(logs);

    [Fact]
    public async Task DeniedCallAndSuspension_LogTheRecordsEveryWorkbookQueryReads()
    {
        using var admin = Server.Client(Server.AdminKey);
        var policy = """
            @id("forbid-large-amount")
            forbid (principal, action == Dome::Action::"call", resource) when { context.args has amount && context.args.amount > 10000 };
            """;
        var (published, _) = await Api.PostAsync(admin, "/v1/admin/policy", new { files = new Dictionary<string, string> { ["rules.cedar"] = policy } });
        Assert.True(published is 200 or 201);

        var (status, body, _) = await CallAsync(Ticket(amount: 73919));
        var callId = Api.Str(body, "callId");
        await Api.EventuallyAsync(() => Task.FromResult(logs.Records.Any(r => r.EventId == OperatorLog.AuditStoredEventId)), "the audit event to be stored");
        var (suspended, _) = await Api.PostAsync(admin, "/v1/admin/agents/support-bot/suspend");
        await Api.EventuallyAsync(() => Task.FromResult(logs.Records.Any(r => r.EventId == OperatorLog.AgentLifecycleEventId && r.State["To"] == "suspended")), "the suspension to be processed");

        var agent = await Server.Services.GetRequiredService<Core.Storage.IAgentStore>().FindAsync(TenantId, "default", "support-bot", Api.Ct);

        Assert.Equal((403, 200), (status, suspended));
        var decision = Assert.Single(logs.Records, r => r.EventId == 6001 && r.State["CallId"] == callId);
        Assert.Equal(("deny", "policy_denied", "support-bot"), (decision.State["Decision"], decision.State["Code"], agent is not null && agent.Id == decision.State["AgentId"] ? agent.Name : decision.State["AgentId"]));
        Assert.Equal(("zendesk/create_ticket", TenantId), (decision.State["Tool"], decision.State["TenantId"]));
        var audit = Assert.Single(logs.Records, r => r.EventId == OperatorLog.AuditStoredEventId);
        Assert.Equal(("deny", "policy_denied", "forbid-large-amount"), (audit.State["Decision"], audit.State["Reason"], audit.State["PolicyIds"]));
        var lifecycle = Assert.Single(logs.Records, r => r.EventId == OperatorLog.AgentLifecycleEventId && r.State["To"] == "suspended");
        Assert.Equal(("support-bot", "active"), (lifecycle.State["AgentName"], lifecycle.State["From"]));
        Assert.DoesNotContain(logs.Records.SelectMany(r => r.State.Values), v => v?.Contains("73919", StringComparison.Ordinal) == true);

        var fieldsByEvent = logs.Records.GroupBy(r => r.EventId).ToDictionary(g => g.Key, g => g.SelectMany(r => r.State.Keys).ToHashSet(StringComparer.Ordinal));
        var queries = WorkbookQueries();
        Assert.Contains(queries, q => q.Contains("requests", StringComparison.Ordinal));
        foreach (var query in queries.Where(q => q.StartsWith("traces", StringComparison.Ordinal)))
        {
            var eventId = int.Parse(EventIdFilter().Match(query).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(fieldsByEvent.ContainsKey(eventId), $"the workbook queries event {eventId}, which the scenario never logged");
            foreach (Match field in StateField().Matches(query))
            {
                Assert.True(fieldsByEvent[eventId].Contains(field.Groups[1].Value), $"the workbook reads `State.{field.Groups[1].Value}` of event {eventId}, which has no such field");
            }
        }
    }

    private static IReadOnlyList<string> WorkbookQueries()
    {
        var workbook = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("infra", "workbook", "dome-operators.workbook.json")))!;
        return [.. workbook["items"]!.AsArray().Where(i => i!["type"]!.GetValue<int>() == 3).Select(i => i!["content"]!["query"]!.GetValue<string>())];
    }

    [GeneratedRegex(@"toint\(rec\.EventId\) == (\d+)")]
    private static partial Regex EventIdFilter();

    [GeneratedRegex(@"rec\.State\.(\w+)")]
    private static partial Regex StateField();
}
