using System.Text;
using Dome.Core.Limits;
using Dome.Gateway.Limits;
using Dome.Gateway.Output;
using Dome.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// dotnet run -c Release --project bench/Dome.Governance.Bench [-- policy | audit [ROUNDS] | --profile SECONDS [STEP]]
// Prints µs and bytes allocated per call for the governed call's CPU steps, typical rule sets, limit sets and the policy
// decision. Single-threaded, after warm-up. `policy`: the policy decision only. `audit`: the durable audit path on SQLite. `--profile SECONDS [STEP]`: first run
// each call-path step (or those whose name contains STEP) alone that long (for perf), then measure the call path only.
const int Calls = 50_000;
if (args is ["audit", ..])
{
    await AuditBench.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400);
    return;
}

if (args is ["policy"])
{
    await PolicyBench.RunAsync(Calls);
    return;
}

if (args is ["--profile", var seconds, ..])
{
    Harness.ProfileFor = TimeSpan.FromSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
    Harness.ProfileOnly = args.Length > 2 ? args[2] : "";
    await CallPath.RunAsync();
    return;
}

await CallPath.RunAsync();
var ticket = Encoding.UTF8.GetBytes("""
    {"id":123,"status":"open","subject":"Printer broken","requester":{"name":"Ann Lee","email":"ann@example.com","phone":"415-555-2671"},
     "tags":["hw","urgent"],"description":"It does not print. Card 4111 1111 1111 1111 was charged twice.","comments":[{"by":"agent","text":"Looking"}]}
    """);
var governor = new OutputGovernor(Options.Create(new OutputOptions()));
Console.WriteLine($"output governance on a {ticket.Length}-byte ticket");
Harness.Measure("  no rules", () => governor.Apply(ticket, "application/json", CompiledOutputRules.None));
Harness.Measure("  redact 1 path", Rules(new OutputRules { Redact = ["$.requester.phone"] }));
Harness.Measure("  pii + secrets", Rules(new OutputRules { Detect = ["pii", "secrets"] }));
Harness.Measure("  paths + pii + secrets", Rules(new OutputRules { Redact = ["$.requester.phone", "$.comments[*].by"], Detect = ["pii", "secrets"] }));

var path = Path.Combine(Path.GetTempPath(), "dome-governance-bench-" + Guid.NewGuid().ToString("N") + ".db");
var store = new SqliteLimitStore(SqliteDatabase.Open(path));
var limiter = new CallLimiter(store, TimeProvider.System, Options.Create(new LimitsOptions { RefreshInterval = TimeSpan.FromHours(1) }), NullLogger<CallLimiter>.Instance);
var keys = new LimitKeys("tnt_bench", "triage", "cust-1", "zendesk/create_ticket");
Console.WriteLine("limiter");
await MeasureAsync("  no limits");
await SetAsync(LimitScope.Tenant, "*", rps: 1e6, concurrency: null, daily: null);
await MeasureAsync("  tenant rps");
await SetAsync(LimitScope.Agent, "*", rps: 1e6, concurrency: 1000, daily: null);
await MeasureAsync("  + agent rps, concurrency");
await SetAsync(LimitScope.Customer, "*", rps: null, concurrency: null, daily: 100_000_000);
await SetAsync(LimitScope.Tool, "zendesk", rps: 1e6, concurrency: null, daily: 100_000_000);
await MeasureAsync("  + customer and connection quotas");
File.Delete(path);
await PolicyBench.RunAsync(Calls);

Action Rules(OutputRules rules)
{
    var compiled = rules.Compile();
    return () => governor.Apply(ticket, "application/json", compiled);
}

async Task MeasureAsync(string name)
{
    for (var i = 0; i < 2_000; i++)
    {
        using var warm = await limiter.AcquireAsync(keys);
    }

    var bytes = GC.GetAllocatedBytesForCurrentThread();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < Harness.Calls; i++)
    {
        using var decision = await limiter.AcquireAsync(keys);
    }

    Harness.Report(name, clock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - bytes);
}

async Task SetAsync(LimitScope scope, string name, double? rps, int? concurrency, long? daily)
{
    await store.UpsertAsync(new LimitPolicy
    {
        TenantId = keys.TenantId, Scope = scope, Name = name, RequestsPerSecond = rps, Burst = rps is null ? null : 1_000_000,
        Concurrency = concurrency, DailyQuota = daily, UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "bench",
    }, CancellationToken.None);
    await limiter.ReloadAsync(keys.TenantId);
}
