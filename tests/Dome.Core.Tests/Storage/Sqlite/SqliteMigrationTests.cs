using Dome.Core.Registry;
using Dome.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dome.Core.Tests.Storage.Sqlite;

public sealed class SqliteMigrationTests
{
    [Fact]
    public async Task Open_DatabaseAtVersion1_UpgradesInPlaceAndKeepsData()
    {
        var path = Path.Combine(Path.GetTempPath(), "dome-migrate-" + Guid.NewGuid().ToString("N") + ".db");
        var old = SqliteDatabase.Open(path, migrateTo: 1);
        Assert.Equal(1, old.SchemaVersion());
        var tenant = TestData.Tenant("acme");
        await new SqliteTenantStore(old).CreateTenantAsync(tenant, TestData.Workspace(tenant.Id), TestData.AdminKey(tenant.Id, "k1"), TestContext.Current.CancellationToken);
        // Version 1 has no processed_at column: write the agent the way a version-1 Dome did.
        using (var connection = old.OpenConnection())
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO agents VALUES ('agt_1', 'tnt_acme', 'default', 'triage', 'o', 'standard', 'active', '["zendesk"]', '[]', '[]', 'none', '[]', 'kid', 'hash', '2026-11-01T12:00:00.0000000Z', '2026-11-01T12:00:00.0000000Z', 2);
                INSERT INTO agent_events VALUES ('agt_1', 1, 'Registered', NULL, 'provisioned', 'admin:x', '2026-11-01T12:00:00.0000000Z');
                """;
            insert.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();

        var upgraded = SqliteDatabase.Open(path);

        // Every migration appended since (by any branch) applies: the upgraded file reaches the version of a fresh one.
        var fresh = SqliteDatabase.Open(Path.Combine(Path.GetTempPath(), "dome-migrate-" + Guid.NewGuid().ToString("N") + ".db"));
        Assert.Equal(fresh.SchemaVersion(), upgraded.SchemaVersion());
        Assert.True(upgraded.SchemaVersion() >= 5, "the catalog migration (5) applies");
        var agents = new SqliteAgentStore(upgraded);
        var agent = await agents.FindAsync("tnt_acme", "default", "triage", TestContext.Current.CancellationToken);
        Assert.Equal((AgentStatus.Active, "zendesk"), (agent!.Status, Assert.Single(agent.Capabilities.Tools)));
        var registered = Assert.Single(await agents.ListEventsAsync("tnt_acme", "agt_1", TestContext.Current.CancellationToken));
        Assert.Null(registered.ProcessedAt);
        Assert.True(await agents.MarkEventProcessedAsync("tnt_acme", "agt_1", 1, TestData.Epoch, TestContext.Current.CancellationToken));
        Assert.Equal(tenant, await new SqliteTenantStore(upgraded).FindTenantByNameAsync("acme", TestContext.Current.CancellationToken));
        await new SqliteMessageQueue(upgraded, TimeProvider.System).SendAsync("q", "works", TestContext.Current.CancellationToken);
        Assert.Empty(await new SqliteIdentityProviderStore(upgraded).ListAsync("tnt_acme", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Open_QueueAtVersion9_KeepsWaitingMessagesInOrder()
    {
        var path = Path.Combine(Path.GetTempPath(), "dome-migrate-" + Guid.NewGuid().ToString("N") + ".db");
        var old = SqliteDatabase.Open(path, migrateTo: 9);
        using (var connection = old.OpenConnection())
        using (var insert = connection.CreateCommand())
        {
            // Version 9 keyed messages by a random text id, with seq as the send order.
            insert.CommandText = """
                INSERT INTO queue_messages (id, queue, body, dequeue_count, pop_receipt, inserted_at, visible_at, seq) VALUES
                    ('f00d', 'dome-audit', 'second', 0, NULL, 1000, 1000, 7),
                    ('beef', 'dome-audit', 'first', 2, NULL, 900, 900, 3);
                """;
            insert.ExecuteNonQuery();
        }

        old.Dispose();
        SqliteConnection.ClearAllPools();
        var upgraded = SqliteDatabase.Open(path);
        var queue = new SqliteMessageQueue(upgraded, TimeProvider.System);
        await queue.SendAsync("dome-audit", "third", TestContext.Current.CancellationToken);

        var received = await queue.ReceiveManyAsync("dome-audit", 10, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        Assert.Equal([("first", 3), ("second", 1), ("third", 1)], received.Select(m => (m.Body, m.DequeueCount)));
        Assert.Equal(3, await queue.DeleteManyAsync("dome-audit", received, TestContext.Current.CancellationToken));
        Assert.False(await queue.DeleteAsync("dome-audit", "beef", "x", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Open_Twice_AppliesEachMigrationOnce()
    {
        var path = Path.Combine(Path.GetTempPath(), "dome-migrate-" + Guid.NewGuid().ToString("N") + ".db");
        SqliteDatabase.Open(path);
        var again = SqliteDatabase.Open(path);

        using var connection = again.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_migrations";
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
        Assert.True(reader.GetInt64(0) >= 4, "migrations 1, 2, 3 and 5 at least");
        using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", mode.ExecuteScalar());
    }
}
