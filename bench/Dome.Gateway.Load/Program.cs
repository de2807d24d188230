using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dome.Core.Audit;
using Dome.Core.Catalog;
using Dome.Core.Secrets;
using Dome.Functions.Hosting;
using Dome.Gateway.Load;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run -c Release --project bench/Dome.Gateway.Load [-- --seconds 10 --rate 500 --workers 32 | --governed-only SECONDS]
// Governed POST /v1/tools/call vs the same request straight to the upstream, both on loopback, in one run.
// For an outside load generator (bench/wrk-run): --upstream-only PORT runs just the upstream; --serve FILE [--upstream URL]
// sets up Dome and the bare relay, writes the URLs, token and bodies to FILE and serves until SIGINT/SIGTERM.
var seconds = Arg("--seconds", 10);
var rate = Arg("--rate", 500);
var workers = Arg("--workers", 32);
if (Arg("--upstream-only", -1) is >= 0 and var upstreamPort)
{
    var (alone, aloneAddress) = await MinimalUpstream.StartAsync(upstreamPort);
    Console.WriteLine($"upstream: {aloneAddress}");
    await WaitForStopAsync();
    await alone.StopAsync();
    return;
}

var dataDir = Directory.CreateTempSubdirectory("dome-load-").FullName;
var external = StringArg("--upstream");
var (upstream, upstreamAddress) = external is null ? await MinimalUpstream.StartAsync() : (null, new Uri(external));
var (relay, relayAddress) = await BareRelay.StartAsync(upstreamAddress);
var dome = DomeServer.Build(["--urls", "http://127.0.0.1:0", "--Dome:DataDir", dataDir, "--Dome:Tokens:Lifetime", "01:00:00", "--Logging:LogLevel:Default", "Warning"]);
await dome.StartAsync();
var domeAddress = new Uri(dome.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
try
{
    var (tenant, token) = await SetUpAsync(dome, domeAddress, upstreamAddress, dataDir);
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
    var load = new LoadGenerator(client);
    var arguments = """{"subject":"printer on fire","priority":"low","amount":120}""";
    var direct = Encoding.UTF8.GetBytes(arguments);
    var governed = Encoding.UTF8.GetBytes($$"""{"tool":"zendesk/create_ticket","arguments":{{arguments}},"intent":"load test"}""");
    var directUrl = new Uri(upstreamAddress, "/api/v2/tickets");
    var governedUrl = new Uri(domeAddress, "/v1/tools/call");
    HttpRequestMessage Direct() => LoadGenerator.Post(directUrl, direct, null);
    HttpRequestMessage Governed() => LoadGenerator.Post(governedUrl, governed, token);
    var proxiedUrl = new Uri(relayAddress, "/api/v2/tickets");
    HttpRequestMessage Proxied() => LoadGenerator.Post(proxiedUrl, direct, null);

    // Sanity: the governed call is allowed and redacted.
    using (var check = await client.SendAsync(Governed()))
    {
        var text = await check.Content.ReadAsStringAsync();
        if (!check.IsSuccessStatusCode || text.Contains("123-45-6789", StringComparison.Ordinal) || text.Contains("ada@example.com", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the governed call is not allowed and redacted: {(int)check.StatusCode} {text}");
        }
    }

    // Warm up both paths (JIT, connection pools, policy compile, caches).
    await load.MaxThroughputAsync("warm-up", Direct, 8, TimeSpan.FromSeconds(2));
    await load.MaxThroughputAsync("warm-up", Governed, 8, TimeSpan.FromSeconds(3));
    await load.MaxThroughputAsync("warm-up", Proxied, 8, TimeSpan.FromSeconds(2));

    if (StringArg("--serve") is { } serveFile)
    {
        await File.WriteAllTextAsync(serveFile, JsonSerializer.Serialize(new
        {
            direct = directUrl.AbsoluteUri,
            governed = governedUrl.AbsoluteUri,
            proxied = proxiedUrl.AbsoluteUri,
            token,
            directBody = arguments,
            governedBody = Encoding.UTF8.GetString(governed),
        }));
        Console.WriteLine($"serving; setup in {serveFile}");
        await WaitForStopAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await StepProfile.PrintAsync(dome.Services.GetRequiredService<IAuditStore>(), tenant, 5000);
        return;
    }

    if (Arg("--governed-only", 0) is > 0 and var only)
    {
        // For a profiler (dotnet-trace collect -- ...): only the governed closed loop, for --governed-only seconds.
        var alone = await WithCpu(() => load.MaxThroughputAsync($"governed max ({workers} workers)", Governed, workers, TimeSpan.FromSeconds(only)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{alone.Name}: {alone.Throughput:0} req/s, p50 {alone.P50Ms:0.000} ms, p99 {alone.P99Ms:0.000} ms, CPU {alone.CpuMsPerRequest:0.000} ms/req"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        await StepProfile.PrintAsync(dome.Services.GetRequiredService<IAuditStore>(), tenant, 2000);
        return;
    }

    var results = new List<LoadResult>
    {
        await WithCpu(() => load.FixedRateAsync($"direct @ {rate}/s", Direct, rate, TimeSpan.FromSeconds(seconds))),
        await WithCpu(() => load.FixedRateAsync($"governed @ {rate}/s", Governed, rate, TimeSpan.FromSeconds(seconds))),
    };

    // The server-side steps of the fixed-rate phase, before the closed loops add theirs.
    await Task.Delay(TimeSpan.FromSeconds(2));
    var fixedRateSteps = await StepProfile.RenderAsync(dome.Services.GetRequiredService<IAuditStore>(), tenant, rate * seconds);
    results.Add(await WithCpu(() => load.MaxThroughputAsync($"direct max ({workers} workers)", Direct, workers, TimeSpan.FromSeconds(seconds))));
    results.Add(await WithCpu(() => load.MaxThroughputAsync($"governed max ({workers} workers)", Governed, workers, TimeSpan.FromSeconds(seconds))));
    results.Add(await WithCpu(() => load.MaxThroughputAsync($"bare relay max ({workers} workers)", Proxied, workers, TimeSpan.FromSeconds(seconds))));

    Console.WriteLine($"date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}; load average before: {LoadAverage()}");
    Console.WriteLine();
    Console.WriteLine("| phase | requests | errors | req/s | p50 ms | p90 ms | p99 ms | max ms | CPU ms/req |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var r in results)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Requests} | {r.Errors} | {r.Throughput:0} | {r.P50Ms:0.000} | {r.P90Ms:0.000} | {r.P99Ms:0.000} | {r.MaxMs:0.0} | {r.CpuMsPerRequest:0.000} |"));
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added latency at {rate}/s: p50 {results[1].P50Ms - results[0].P50Ms:0.000} ms, p99 {results[1].P99Ms - results[0].P99Ms:0.000} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"governed max throughput: {results[3].Throughput / results[2].Throughput:P0} of direct"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare relay (the extra hop alone, no governance) max throughput: {results[4].Throughput / results[2].Throughput:P0} of direct"));
    Console.WriteLine();
    Console.WriteLine($"governed @ {rate}/s, server side:");
    Console.Write(fixedRateSteps);
    Console.WriteLine();
    Console.WriteLine($"governed max ({workers} workers), server side:");
    await Task.Delay(TimeSpan.FromSeconds(2));
    await StepProfile.PrintAsync(dome.Services.GetRequiredService<IAuditStore>(), tenant, 5000);
}
finally
{
    await dome.StopAsync();
    await relay.StopAsync();
    if (upstream is not null)
    {
        await upstream.StopAsync();
    }

    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(dataDir, recursive: true);
}

static async Task<(string Tenant, string Token)> SetUpAsync(WebApplication dome, Uri domeAddress, Uri upstream, string dataDir)
{
    var adminKey = (await File.ReadAllTextAsync(Path.Combine(dataDir, "admin.key"))).Trim();
    using var admin = new HttpClient { BaseAddress = domeAddress };
    admin.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
    var tenant = (await admin.GetFromJsonAsync<JsonObject>("/v1/admin/tenant"))!["id"]!.GetValue<string>();
    var created = await admin.PostAsJsonAsync("/v1/admin/agents", new { name = "load-bot", owner = "bench@example.com", tier = "standard", tools = new[] { "zendesk" }, requireActAs = "none" });
    var apiKey = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["apiKey"]!.GetValue<string>();
    (await admin.PostAsync("/v1/admin/agents/load-bot/activate", null)).EnsureSuccessStatusCode();

    var catalog = dome.Services.GetRequiredService<CatalogAdministration>();
    await catalog.AddConnectionAsync(tenant, new ConnectionRequest
    {
        Name = "zendesk",
        BaseUrl = upstream.AbsoluteUri,
        Auth = new AuthRequest { Kind = "bearer", Secret = "zendesk-token" },
        OutputRules = JsonDocument.Parse("""{"redact":["$.customer.ssn"],"detect":["pii"]}""").RootElement.Clone(),
    });
    await catalog.AddToolAsync(tenant, new ToolRequest
    {
        Tool = "zendesk/create_ticket",
        Method = "POST",
        Path = "/api/v2/tickets",
        InputSchema = JsonDocument.Parse("""{"type":"object","properties":{"subject":{"type":"string"},"priority":{"type":"string","enum":["low","high"]},"amount":{"type":"number"}},"required":["subject"]}""").RootElement.Clone(),
    });
    await dome.Services.GetRequiredService<ISecretStore>().SetAsync(tenant, "zendesk-token", new SecretValue("load-secret"), DateTimeOffset.UtcNow, CancellationToken.None);

    var exchange = await admin.PostAsync("/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "urn:ietf:params:oauth:grant-type:token-exchange",
        ["subject_token"] = apiKey,
        ["subject_token_type"] = "urn:dome:params:oauth:token-type:api-key",
    }));
    return (tenant, (await exchange.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>());
}

// CPU time is independent of how many other processes share the machine: the fair cost measure on a busy host.
static async Task<LoadResult> WithCpu(Func<Task<LoadResult>> phase)
{
    using var self = System.Diagnostics.Process.GetCurrentProcess();
    var before = self.TotalProcessorTime;
    var result = await phase();
    self.Refresh();
    return result with { CpuMsPerRequest = (self.TotalProcessorTime - before).TotalMilliseconds / Math.Max(1, result.Requests) };
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static async Task WaitForStopAsync()
{
    var stop = new TaskCompletionSource();
    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
    await stop.Task;
}

string? StringArg(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

int Arg(string name, int fallback) => StringArg(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
