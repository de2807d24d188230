using Dome.Core.Audit;
using Dome.Core.Queues;
using Dome.Storage.Sqlite;
using Dome.Testing;

namespace Dome.Gateway.Tests.Audit;

/// <summary>
/// The queue path into the audit store (sink, queue, processor), on real SQLite. What the store itself must do is
/// the store contract in Dome.Core.Tests (Storage/AuditStoreContract.cs).
/// </summary>
public sealed class AuditProcessingTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new();
    private readonly SqliteDatabase database;
    private readonly SqliteAuditStore store;

    public AuditProcessingTests()
    {
        database = SqliteDatabase.Open(Path.Combine(dir.Path, "dome.db"));
        store = new SqliteAuditStore(database);
    }

    public void Dispose() => dir.Dispose();

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

    [Fact]
    public async Task ProcessMany_StagesOfOneCallInOneBatch_StoresTheLatestOnceAndTheOthers()
    {
        var queue = new SqliteMessageQueue(database, TimeProvider.System);
        var decided = Event("call_1", "t1") with { Stage = AuditStages.Decided, UpstreamStatus = null };
        var completed = Event("call_1", "t1") with { Stage = AuditStages.Completed, UpstreamStatus = 201 };
        var bodies = new[]
        {
            "[" + AuditJson.Serialize(decided) + "," + AuditJson.Serialize(Event("call_2", "t1")) + "]",
            AuditJson.Serialize(completed),
        };

        var stored = await new AuditProcessor(store, queue).ProcessManyAsync(bodies, TestContext.Current.CancellationToken);

        Assert.Equal([("call_1", AuditStages.Completed), ("call_2", AuditStages.Completed)], stored.Select(e => (e.Id, e.Stage)));
        var page = await store.QueryAsync(new AuditQuery { TenantId = "t1" }, TestContext.Current.CancellationToken);
        Assert.Equal(["call_1", "call_2"], Ids(page).Order().ToArray());
        Assert.Equal(201, page.Events.Single(e => e.Id == "call_1").UpstreamStatus);
    }

    [Fact]
    public async Task ProcessMany_OneBodyNotAnEvent_StoresNothing()
    {
        var queue = new SqliteMessageQueue(database, TimeProvider.System);

        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() =>
            new AuditProcessor(store, queue).ProcessManyAsync([AuditJson.Serialize(Event("call_1", "t1")), "{not json"], TestContext.Current.CancellationToken));

        Assert.Empty((await store.QueryAsync(new AuditQuery { TenantId = "t1" }, TestContext.Current.CancellationToken)).Events);
    }

    private static AuditEvent Event(string id, string tenant) => new()
    {
        Id = id,
        Kind = AuditEventKinds.ToolCall,
        Time = T0,
        TenantId = tenant,
        AgentId = "a1",
        Tool = "zendesk/create_ticket",
        Decision = AuditDecisions.Allow,
        PolicyIds = ["p1"],
        LatencyMs = new Dictionary<string, double> { ["total"] = 1.5 },
    };

    private static string[] Ids(AuditPage page) => page.Events.Select(e => e.Id).ToArray();
}
