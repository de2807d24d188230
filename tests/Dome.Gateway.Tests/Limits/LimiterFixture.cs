using Dome.Core.Limits;
using Dome.Gateway.Limits;
using Dome.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Tests.Limits;

/// <summary>A limiter on a real SQLite file, with a hand-moved clock; <see cref="Restart"/> reopens the file in a new limiter.</summary>
internal sealed class LimiterFixture
{
    public const string Tenant = "tnt_acme";

    public LimiterFixture(string? path = null, TestClock? clock = null)
    {
        Path = path ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dome-limiter-" + Guid.NewGuid().ToString("N") + ".db");
        Clock = clock ?? new TestClock(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        Store = new SqliteLimitStore(SqliteDatabase.Open(Path));
        Limiter = new CallLimiter(Store, Clock, Options.Create(new LimitsOptions()), NullLogger<CallLimiter>.Instance);
    }

    public string Path { get; }

    public TestClock Clock { get; }

    public ILimitStore Store { get; }

    public CallLimiter Limiter { get; }

    public static LimitKeys Keys(string agent = "triage", string? customer = null, string tool = "zendesk/create_ticket") => new(Tenant, agent, customer, tool);

    public LimiterFixture Restart()
    {
        SqliteConnection.ClearAllPools();
        return new LimiterFixture(Path, Clock);
    }

    public async Task SetAsync(LimitScope scope, string name, double? rps = null, int? burst = null, int? concurrency = null, long? daily = null)
    {
        await Store.UpsertAsync(new LimitPolicy
        {
            TenantId = Tenant,
            Scope = scope,
            Name = name,
            RequestsPerSecond = rps,
            Burst = burst,
            Concurrency = concurrency,
            DailyQuota = daily,
            UpdatedAt = Clock.Now,
            UpdatedBy = "admin:test",
        }, CancellationToken.None);
        await Limiter.ReloadAsync(Tenant);
    }

    public async Task<int> AllowedOfAsync(int calls, LimitKeys keys)
    {
        var allowed = 0;
        for (var i = 0; i < calls; i++)
        {
            using var decision = await Limiter.AcquireAsync(keys);
            allowed += decision.IsAllowed ? 1 : 0;
        }

        return allowed;
    }
}
