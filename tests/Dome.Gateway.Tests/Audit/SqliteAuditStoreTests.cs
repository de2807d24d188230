using Dome.Core.Audit;
using Dome.Core.Errors;
using Dome.Core.Queues;
using Dome.Storage.Sqlite;
using Dome.Testing;

namespace Dome.Gateway.Tests.Audit;

/// <summary>The audit store and the queue path into it, on real SQLite.</summary>
public sealed class SqliteAuditStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new();
    private readonly SqliteDatabase database;
    private readonly SqliteAuditStore store;

    public SqliteAuditStoreTests()
    {
        database = SqliteDatabase.Open(Path.Combine(dir.Path, "dome.db"));
        store = new SqliteAuditStore(database);
    }

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task Append_SameIdTwice_StoredOnce()
    {
        var e = Event("call_1", "t1");

        Assert.True(await store.AppendAsync(e, TestContext.Current.CancellationToken));
        Assert.False(await store.AppendAsync(e, TestContext.Current.CancellationToken));

        var page = await store.QueryAsync(new AuditQuery { TenantId = "t1" }, TestContext.Current.CancellationToken);
        Assert.Single(page.Events);
    }

    [Fact]
    public async Task Query_OtherTenant_SeesNothing()
    {
        await store.AppendAsync(Event("call_1", "t1"), TestContext.Current.CancellationToken);

        var page = await store.QueryAsync(new AuditQuery { TenantId = "t2" }, TestContext.Current.CancellationToken);

        Assert.Empty(page.Events);
    }

    [Fact]
    public async Task Query_Filters_MatchEveryMember()
    {
        await store.AppendAsync(Event("c1", "t1", agent: "a1", decision: AuditDecisions.Allow, at: T0), TestContext.Current.CancellationToken);
        await store.AppendAsync(Event("c2", "t1", agent: "a1", decision: AuditDecisions.Deny, at: T0.AddMinutes(1)), TestContext.Current.CancellationToken);
        await store.AppendAsync(Event("c3", "t1", agent: "a2", decision: AuditDecisions.Deny, at: T0.AddMinutes(2), tool: "crm/get"), TestContext.Current.CancellationToken);

        Assert.Equal(["c2"], Ids(await store.QueryAsync(new AuditQuery { TenantId = "t1", Agent = "a1", Decision = "deny" }, TestContext.Current.CancellationToken)));
        Assert.Equal(["c3"], Ids(await store.QueryAsync(new AuditQuery { TenantId = "t1", Tool = "crm/get" }, TestContext.Current.CancellationToken)));
        Assert.Equal(["c2"], Ids(await store.QueryAsync(new AuditQuery { TenantId = "t1", Since = T0.AddMinutes(1), Until = T0.AddMinutes(2) }, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Query_Paged_WalksAllNewestFirst()
    {
        for (int i = 0; i < 5; i++)
        {
            await store.AppendAsync(Event("c" + i, "t1", at: T0.AddSeconds(i)), TestContext.Current.CancellationToken);
        }

        var ids = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            var page = await store.QueryAsync(new AuditQuery { TenantId = "t1", Limit = 2, ContinuationToken = token }, TestContext.Current.CancellationToken);
            ids.AddRange(Ids(page));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["c4", "c3", "c2", "c1", "c0"], ids);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Query_ForgedToken_Invalid()
    {
        var e = await Assert.ThrowsAsync<DomeException>(() => store.QueryAsync(new AuditQuery { TenantId = "t1", ContinuationToken = "bm9wZQ" }, TestContext.Current.CancellationToken));

        Assert.Equal(DomeErrorCode.InvalidRequest, e.Code);
    }

    [Fact]
    public async Task Sink_ThenProcessor_EventReachesStoreWithoutArguments()
    {
        var queue = new SqliteMessageQueue(database, TimeProvider.System);
        var sink = new QueueAuditSink(queue);
        await sink.WriteAsync(Event("call_9", "t1") with { Redactions = new Dictionary<string, int> { ["email"] = 2 } }, TestContext.Current.CancellationToken);

        var message = await queue.ReceiveAsync(QueueNames.Audit, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await new AuditProcessor(store, queue).ProcessAsync(message!.Body, TestContext.Current.CancellationToken);

        var stored = Assert.Single((await store.QueryAsync(new AuditQuery { TenantId = "t1" }, TestContext.Current.CancellationToken)).Events);
        Assert.Equal(2, stored.Redactions["email"]);
        Assert.Null(stored.Arguments);
        Assert.DoesNotContain("arguments", message.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_CompletedAfterDecided_ReplacesIt_NotTheOtherWayRound()
    {
        var decided = Event("call_1", "t1") with { Stage = AuditStages.Decided };
        var completed = Event("call_1", "t1") with { Stage = AuditStages.Completed, UpstreamStatus = 201 };

        Assert.True(await store.AppendAsync(decided, TestContext.Current.CancellationToken));
        Assert.True(await store.AppendAsync(completed, TestContext.Current.CancellationToken));
        Assert.False(await store.AppendAsync(decided, TestContext.Current.CancellationToken));

        var stored = Assert.Single((await store.QueryAsync(new AuditQuery { TenantId = "t1" }, TestContext.Current.CancellationToken)).Events);
        Assert.Equal(201, stored.UpstreamStatus);
    }

    [Fact]
    public async Task Process_AfterStoreOutage_MovesParkedEventsIntoStore()
    {
        var queue = new SqliteMessageQueue(database, TimeProvider.System);
        var poison = QueueNames.Poison(QueueNames.Audit);
        await queue.SendAsync(poison, AuditJson.Serialize(Event("parked_1", "t1")), TestContext.Current.CancellationToken);
        await queue.SendAsync(poison, AuditJson.Serialize(Event("parked_2", "t2")), TestContext.Current.CancellationToken);

        await new AuditProcessor(store, queue).ProcessAsync(AuditJson.Serialize(Event("fresh", "t1")), TestContext.Current.CancellationToken);

        Assert.Equal(["fresh", "parked_1"], Ids(await store.QueryAsync(new AuditQuery { TenantId = "t1" }, TestContext.Current.CancellationToken)).Order().ToArray());
        Assert.Equal(["parked_2"], Ids(await store.QueryAsync(new AuditQuery { TenantId = "t2" }, TestContext.Current.CancellationToken)));
        Assert.Equal(0, await queue.CountAsync(poison, TestContext.Current.CancellationToken));
    }

    private static AuditEvent Event(string id, string tenant, string agent = "a1", string decision = AuditDecisions.Allow, DateTimeOffset? at = null, string tool = "zendesk/create_ticket") => new()
    {
        Id = id,
        Kind = AuditEventKinds.ToolCall,
        Time = at ?? T0,
        TenantId = tenant,
        AgentId = agent,
        Tool = tool,
        Decision = decision,
        PolicyIds = ["p1"],
        LatencyMs = new Dictionary<string, double> { ["total"] = 1.5 },
    };

    private static string[] Ids(AuditPage page) => page.Events.Select(e => e.Id).ToArray();
}
