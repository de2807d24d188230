using System.Diagnostics;
using System.Text.Json;
using Dome.Core.Registry;
using Dome.Gateway.Escalation;
using Dome.Gateway.Policy;
using Dome.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

/// <summary>
/// Step 6 per governed call: the real <see cref="PolicyDecisionPoint"/> over SQLite stores, with the tier bundles, a
/// forbid on <c>context.args.amount</c> and an <c>@escalate</c> policy published for the tenant, deciding a realistic
/// call (allowed). The agent record and the tool are the same instances call after call, as the pipeline's caches give them.
/// </summary>
internal static class PolicyBench
{
    private const string Policies = """
        @id("no-large-refunds")
        forbid (principal, action == Dome::Action::"call", resource)
        when { context.args has amount && context.args.amount > 10000 };

        @id("urgent-needs-approval")
        @escalate("urgent tickets need a person")
        forbid (principal, action == Dome::Action::"call", resource)
        when { context.args has priority && context.args.priority == "urgent" }
        unless { context has approval };
        """;

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(int calls)
    {
        var path = Path.Combine(Path.GetTempPath(), "dome-policy-bench-" + Guid.NewGuid().ToString("N") + ".db");
        var database = SqliteDatabase.Open(path);
        var options = Options.Create(new PolicyOptions { RefreshInterval = TimeSpan.FromHours(1) });
        var store = new SqlitePolicyStore(database);
        var approvals = new SqliteApprovalStore(database);
        var provider = new PolicySetProvider(store, TimeProvider.System, options);
        await new PolicyPublisher(store, provider, TimeProvider.System).PublishAsync("tnt_bench", new Dictionary<string, string> { ["bench.cedar"] = Policies }, null, "bench");
        using var http = new HttpClient();
        var point = new PolicyDecisionPoint(provider, new ApprovalService(approvals, store, TimeProvider.System, options), approvals, store,
            new HttpEscalationJudge(http, NullLogger<HttpEscalationJudge>.Instance), TimeProvider.System);

        using var arguments = JsonDocument.Parse("""{"subject":"printer on fire","priority":"low","amount":120}""");
        var now = DateTimeOffset.UtcNow;
        var agent = new Agent
        {
            Id = "agt_bench", TenantId = "tnt_bench", Workspace = "support", Name = "triage", Owner = "ann@example.com",
            Tier = AgentTier.Standard, Status = AgentStatus.Active,
            Capabilities = new Capabilities { Tools = ["zendesk"], ModelPools = [], Integrations = [] },
            RequireActAs = ActAsRequirement.None, AllowedParents = [], KeyId = "k1", CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        IReadOnlyList<string> tags = ["tickets", "write"];
        var facts = new ToolCallFacts
        {
            TenantId = "tnt_bench",
            Agent = agent,
            Tool = new ToolFacts { Name = "zendesk/create_ticket", Connection = "zendesk", Operation = "create_ticket", Tags = tags, Risk = "medium" },
            Arguments = arguments.RootElement,
            Intent = "open a ticket for the customer",
        };

        Console.WriteLine("policy decision (tiers + amount forbid + @escalate), allowed call");

        // :: A new facts record per call, as the pipeline builds one; the agent record and the tool's tag list stay the same
        // instances, as the pipeline's caches give them. The decision completes synchronously (the set is cached).
        var user = new UserFacts { Id = "idp|ann", Email = "ann@example.com", Groups = ["support"], Customer = "cust-1" };

        // :: A first run of everything measured, for the JIT: tiered compilation promotes methods only once new ones stop
        // appearing for a while, and the first section would otherwise pay for it.
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < 3 * WarmUp;)
        {
            Check(Decide(point, facts with { Tool = facts.Tool with { } }));
            Check(Decide(point, facts with { Tool = facts.Tool with { }, User = user with { } }));
        }

        Measure("  DecideAsync", calls, () => Check(Decide(point, facts with { Tool = facts.Tool with { } })));
        Measure("  DecideAsync, act-as (with a user)", calls, () => Check(Decide(point, facts with { Tool = facts.Tool with { }, User = user with { } })));

        // :: Its two parts: building the Cedar request and entities, and evaluating them against the live set.
        var set = await provider.GetAsync("tnt_bench", CancellationToken.None);
        var cedar = CedarRequestBuilder.Build(facts, null, now);
        Measure("  of which CedarRequestBuilder.Build", calls, () => CedarRequestBuilder.Build(facts, null, now));
        Measure("  of which PolicyEvaluator.Evaluate", calls, () => Check(PolicyEvaluator.Evaluate(set, cedar)));
        File.Delete(path);
    }

    private static void Measure(string name, int calls, Action call)
    {
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < WarmUp;)
        {
            call();
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            call();
        }

        Report(name, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, GC.GetAllocatedBytesForCurrentThread() - bytes, calls);
    }

    // :: CPU time of the whole process (this thread, the GC's, the JIT's) beside the wall clock: on a shared machine the
    // wall clock also counts the time other processes had the core.
    private static void Report(string name, TimeSpan elapsed, TimeSpan cpu, long allocated, int calls) =>
        Console.WriteLine($"{name,-36} {elapsed.TotalMicroseconds / calls,8:F2} µs/call {cpu.TotalMicroseconds / calls,8:F2} CPU µs/call {allocated / calls,6} B/call");

    private static PolicyDecision Decide(PolicyDecisionPoint point, ToolCallFacts facts)
    {
        var pending = point.DecideAsync(facts, CancellationToken.None);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    private static void Check(PolicyDecision decision)
    {
        if (decision.Outcome != PolicyOutcome.Allow)
        {
            throw new InvalidOperationException($"the bench call was not allowed: {decision.Outcome} {decision.DenyReason}");
        }
    }
}
