using Dome.Core.Audit;
using Dome.Core.Queues;
using Dome.Storage.Sqlite;
using Dome.Testing;

namespace Dome.Gateway.Tests.Audit;

/// <summary>Group commit of audit events onto the real SQLite <c>dome-audit</c> queue, and the <c>audit</c> function storing batches.</summary>
public sealed class BatchingAuditSinkTests : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory dir = new();
    private readonly SqliteDatabase database;
    private readonly SqliteMessageQueue sqliteQueue;
    private readonly HeldQueue queue;
    private readonly BatchingAuditSink sink;

    public BatchingAuditSinkTests()
    {
        database = SqliteDatabase.Open(Path.Combine(dir.Path, "dome.db"));
        sqliteQueue = new SqliteMessageQueue(database, TimeProvider.System);
        queue = new HeldQueue(sqliteQueue);
        sink = new BatchingAuditSink(queue);
    }

    public async ValueTask DisposeAsync()
    {
        queue.Release();
        await sink.DisposeAsync();
        dir.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAsync_EventsArrivingDuringAWrite_GoInOneMessage()
    {
        queue.Hold();
        var first = sink.WriteAsync(Event("call_0"), Ct).AsTask();
        await queue.WaitUntilHeldAsync(Ct);
        var waiting = Enumerable.Range(1, 20).Select(i => sink.WriteAsync(Event($"call_{i}"), Ct).AsTask()).ToArray();

        Assert.False(first.IsCompleted, "an event is acknowledged before its message is written");
        Assert.DoesNotContain(waiting, t => t.IsCompleted);
        queue.Release();
        await first;
        await Task.WhenAll(waiting);

        var messages = await sqliteQueue.PeekAsync(QueueNames.Audit, 100, Ct);
        Assert.Equal(2, messages.Count);
        Assert.Equal(["call_0"], AuditJson.DeserializeMessage(messages[0].Body).Select(e => e.Id));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"call_{i}"), AuditJson.DeserializeMessage(messages[1].Body).Select(e => e.Id));
        Assert.Equal(2, queue.Sends);
    }

    [Fact]
    public async Task WriteAsync_QueueDown_FailsEveryEventOfTheBatchAndWritesNothing()
    {
        queue.Hold();
        queue.Down = true;
        var first = sink.WriteAsync(Event("call_0"), Ct).AsTask();
        await queue.WaitUntilHeldAsync(Ct);
        var second = sink.WriteAsync(Event("call_1"), Ct).AsTask();
        queue.Release();

        await Assert.ThrowsAsync<IOException>(() => first);
        await Assert.ThrowsAsync<IOException>(() => second);
        Assert.Equal(0, await sqliteQueue.CountAsync(QueueNames.Audit, Ct));

        // The writer survives an outage: once the queue is back, events are written again.
        queue.Down = false;
        await sink.WriteAsync(Event("call_2"), Ct);
        var message = Assert.Single(await sqliteQueue.PeekAsync(QueueNames.Audit, 10, Ct));
        Assert.Equal("call_2", Assert.Single(AuditJson.DeserializeMessage(message.Body)).Id);
    }

    [Fact]
    public async Task WriteAsync_LargeEvents_SplitIntoMessagesUnderTheCap()
    {
        queue.Hold();
        var first = sink.WriteAsync(Event("call_0"), Ct).AsTask();
        await queue.WaitUntilHeldAsync(Ct);
        var big = new string('x', 1900);
        var waiting = Enumerable.Range(1, 60).Select(i => sink.WriteAsync(Event($"call_{i}") with { Intent = big }, Ct).AsTask()).ToArray();
        queue.Release();
        await first;
        await Task.WhenAll(waiting);

        var messages = await sqliteQueue.PeekAsync(QueueNames.Audit, 100, Ct);
        Assert.True(messages.Count >= 3, $"60 events of ~2 KB went in {messages.Count} messages");
        Assert.All(messages, m => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(m.Body), 1, BatchingAuditSink.MaxMessageBytes));
        Assert.Equal(61, messages.Sum(m => AuditJson.DeserializeMessage(m.Body).Count));
    }

    [Fact]
    public async Task DisposeAsync_ThenWrite_Throws()
    {
        await sink.WriteAsync(Event("call_0"), Ct);
        await sink.DisposeAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => sink.WriteAsync(Event("call_1"), Ct).AsTask());
        Assert.Single(await sqliteQueue.PeekAsync(QueueNames.Audit, 10, Ct));
    }

    [Fact]
    public async Task Process_BatchMessage_StoresEveryEventOnceAtItsLatestStage()
    {
        var store = new SqliteAuditStore(database);
        queue.Hold();
        var first = sink.WriteAsync(Event("call_0") with { Stage = AuditStages.Decided }, Ct).AsTask();
        await queue.WaitUntilHeldAsync(Ct);
        var rest = new[]
        {
            sink.WriteAsync(Event("call_0") with { Stage = AuditStages.Completed, UpstreamStatus = 201 }, Ct).AsTask(),
            sink.WriteAsync(Event("call_1") with { Stage = AuditStages.Decided }, Ct).AsTask(),
            sink.WriteAsync(Event("call_2", decision: AuditDecisions.Deny), Ct).AsTask(),
        };
        queue.Release();
        await first;
        await Task.WhenAll(rest);

        var processor = new AuditProcessor(store, sqliteQueue);
        foreach (var message in await sqliteQueue.PeekAsync(QueueNames.Audit, 10, Ct))
        {
            await processor.ProcessAsync(message.Body, Ct);
            await processor.ProcessAsync(message.Body, Ct); // a redelivery changes nothing
        }

        var stored = (await store.QueryAsync(new AuditQuery { TenantId = "t1" }, Ct)).Events.ToDictionary(e => e.Id);
        Assert.Equal(3, stored.Count);
        Assert.Equal((AuditStages.Completed, 201), (stored["call_0"].Stage, stored["call_0"].UpstreamStatus));
        Assert.Equal(AuditStages.Decided, stored["call_1"].Stage);
        Assert.Equal(AuditDecisions.Deny, stored["call_2"].Decision);
    }

    [Fact]
    public void BatchMessage_IsAJsonArrayOfTheEvents_AndStartsTheReusedBufferAfresh()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();

        var two = AuditJson.BatchMessage([AuditJson.SerializeToUtf8Bytes(Event("call_a")), AuditJson.SerializeToUtf8Bytes(Event("call_b"))], buffer);
        var one = AuditJson.BatchMessage([AuditJson.SerializeToUtf8Bytes(Event("call_c"))], buffer);

        Assert.Equal(["call_a", "call_b"], AuditJson.DeserializeMessage(two).Select(e => e.Id));
        Assert.Equal("[" + AuditJson.Serialize(Event("call_c")) + "]", one);
        Assert.Equal("[]", AuditJson.BatchMessage([], buffer));
    }

    [Fact]
    public void DeserializeMessage_NotAnEventNorABatch_Throws()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => AuditJson.DeserializeMessage("[null]"));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => AuditJson.DeserializeMessage("[1, 2]"));
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => AuditJson.DeserializeMessage("\"event\""));
    }

    private static AuditEvent Event(string id, string decision = AuditDecisions.Allow) => new()
    {
        Id = id,
        Kind = AuditEventKinds.ToolCall,
        Time = T0,
        TenantId = "t1",
        AgentId = "a1",
        Tool = "zendesk/create_ticket",
        Decision = decision,
        LatencyMs = new Dictionary<string, double> { ["total"] = 1.5 },
    };
}
