using System.Buffers;
using Dome.Core.Audit;
using Dome.Core.Queues;
using Dome.Storage.Sqlite;

/// <summary>
/// The durable audit path on the embedded store, per event, as the gateway drives it at its maximum: each call sends a
/// decided and a completed event; the group commit writes them to <c>dome-audit</c> a few per message
/// (<see cref="EventsPerMessage"/>, as measured at the maximum, docs/benchmarks.md run 8); the <c>audit</c> function's
/// dispatcher receives <see cref="MessagesPerRound"/> messages, stores their events and deletes them; a passive WAL
/// checkpoint follows every few rounds (the server's sweep runs every 250 ms). Single-threaded; thread CPU time.
/// </summary>
internal static class AuditBench
{
    private const int EventsPerMessage = 3;
    private const int MessagesPerRound = 32;
    private const int RoundsPerCheckpoint = 8;

    public static async Task RunAsync(int rounds)
    {

        var path = Path.Combine(Path.GetTempPath(), "dome-audit-bench-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            using var database = SqliteDatabase.Open(path);
            var queue = new SqliteMessageQueue(database, TimeProvider.System);
            var processor = new AuditProcessor(new SqliteAuditStore(database), queue);
            var calls = 0L;
            TimeSpan serialize = default, send = default, receive = default, store = default, delete = default, checkpoint = default;
            var events = 0L;
            var buffer = new ArrayBufferWriter<byte>(BatchingAuditSink.MaxMessageBytes);
            var warmUp = System.Diagnostics.Stopwatch.StartNew();
            for (var round = -1; round < rounds; round++)
            {
                // Warm up (round -1, repeated) until tiered compilation has had its time, as in Harness.
                var measured = round >= 0;
                if (!measured && warmUp.Elapsed < TimeSpan.FromSeconds(3))
                {
                    round--;
                }

                for (var m = 0; m < MessagesPerRound; m++)
                {
                    var start = ThreadClock.Now();
                    var parts = new byte[EventsPerMessage][];
                    for (var e = 0; e < EventsPerMessage; e++)
                    {
                        var call = calls + (e / 2);
                        parts[e] = AuditJson.SerializeToUtf8Bytes(Event(call, e % 2 == 0 ? AuditStages.Decided : AuditStages.Completed));
                    }

                    calls += (EventsPerMessage + 1) / 2;
                    // The message as BatchingAuditSink builds it.
                    var body = AuditJson.BatchMessage(parts, buffer);
                    var serialized = ThreadClock.Now();
                    await queue.SendAsync(QueueNames.Audit, body, CancellationToken.None);
                    var sent = ThreadClock.Now();
                    if (measured)
                    {
                        serialize += serialized - start;
                        send += sent - serialized;
                        events += EventsPerMessage;
                    }
                }

                var before = ThreadClock.Now();
                var received = await queue.ReceiveManyAsync(QueueNames.Audit, MessagesPerRound, TimeSpan.FromMinutes(1), CancellationToken.None);
                var receivedAt = ThreadClock.Now();
                await processor.ProcessManyAsync(received.Select(r => r.Body).ToArray(), CancellationToken.None);
                var storedAt = ThreadClock.Now();
                await queue.DeleteManyAsync(QueueNames.Audit, received, CancellationToken.None);
                var dispatched = ThreadClock.Now();
                if (round < 0 || round % RoundsPerCheckpoint == 0)
                {
                    await database.CheckpointAsync(CancellationToken.None);
                }

                if (measured)
                {
                    receive += receivedAt - before;
                    store += storedAt - receivedAt;
                    delete += dispatched - storedAt;
                    checkpoint += ThreadClock.Now() - dispatched;
                }
            }

            Console.WriteLine($"audit path on SQLite, per event ({EventsPerMessage} events per queue message, {MessagesPerRound} messages per dispatch, {events} events)");
            Report("  serialize, build message (sink)", serialize, events);
            Report("  queue send (sink's commit)", send, events);
            Report("  dispatch: receive (lease)", receive, events);
            Report("  dispatch: parse, store (audit function)", store, events);
            Report("  dispatch: delete", delete, events);
            Report("  WAL checkpoint", checkpoint, events);
            Report("  all", serialize + send + receive + store + delete + checkpoint, events);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static void Report(string name, TimeSpan elapsed, long events) =>
        Console.WriteLine($"{name,-42} {elapsed.TotalMicroseconds / events,8:F2} µs/event");

    /// <summary>An event as the pipeline writes it for an allowed, forwarded, redacted call.</summary>
    private static AuditEvent Event(long call, int stage) => new()
    {
        Id = $"call_{call:x16}{call:x8}",
        Stage = stage,
        Kind = AuditEventKinds.ToolCall,
        Time = DateTimeOffset.UtcNow,
        TenantId = "tnt_0123456789abcdef",
        AgentId = "agt_0123456789abcdef",
        AgentName = "load-bot",
        Chain = ["agt_0123456789abcdef"],
        Tool = "zendesk/create_ticket",
        Intent = "load test",
        Decision = AuditDecisions.Allow,
        PolicyIds = ["standard-allow-declared", "standard-tools"],
        PolicyVersion = "sha256:0123456789abcdef0123456789abcdef",
        UpstreamStatus = stage == AuditStages.Completed ? 200 : null,
        Redactions = stage == AuditStages.Completed ? new Dictionary<string, int> { ["field"] = 1, ["email"] = 1 } : new Dictionary<string, int>(),
        LatencyMs = new Dictionary<string, double>
        {
            ["read"] = 0.014, ["authenticate"] = 0.028, ["act_as"] = 0, ["capability"] = 0.006, ["validate"] = 0.015,
            ["limits"] = 0.002, ["policy"] = 0.019, ["credential"] = 0.002, ["audit_decided"] = 0.09, ["forward"] = 0.171,
            ["output"] = 0.014, ["total"] = 0.387,
        },
    };
}
