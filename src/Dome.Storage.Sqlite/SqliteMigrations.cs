using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>
/// Ordered schema changes. A database records the versions applied; opening it applies the rest, each in
/// its own transaction, so an existing database is upgraded in place and keeps its data.
/// Never edit a released migration: append a new one.
/// </summary>
internal static class SqliteMigrations
{
    private static readonly (int Version, string Name, string Sql)[] All =
    [
        (1, "registry", """
            CREATE TABLE tenants (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL);
            CREATE TABLE workspaces (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, name));
            CREATE TABLE management_keys (
                key_id TEXT PRIMARY KEY,
                hash TEXT NOT NULL,
                kind TEXT NOT NULL,
                tenant_id TEXT REFERENCES tenants(id),
                created_at TEXT NOT NULL);
            CREATE TABLE agents (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                workspace TEXT NOT NULL,
                name TEXT NOT NULL,
                owner TEXT NOT NULL,
                tier TEXT NOT NULL,
                status TEXT NOT NULL,
                tools TEXT NOT NULL,
                model_pools TEXT NOT NULL,
                integrations TEXT NOT NULL,
                require_act_as TEXT NOT NULL,
                allowed_parents TEXT NOT NULL,
                key_id TEXT NOT NULL UNIQUE,
                key_hash TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version INTEGER NOT NULL,
                UNIQUE (tenant_id, workspace, name),
                FOREIGN KEY (tenant_id, workspace) REFERENCES workspaces(tenant_id, name));
            CREATE TABLE agent_events (
                agent_id TEXT NOT NULL REFERENCES agents(id),
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                from_status TEXT,
                to_status TEXT NOT NULL,
                actor TEXT NOT NULL,
                at TEXT NOT NULL,
                PRIMARY KEY (agent_id, seq));
            """),
        (2, "embedded queues", """
            CREATE TABLE queue_messages (
                id TEXT PRIMARY KEY,
                queue TEXT NOT NULL,
                body TEXT NOT NULL,
                dequeue_count INTEGER NOT NULL DEFAULT 0,
                pop_receipt TEXT,
                inserted_at INTEGER NOT NULL,
                visible_at INTEGER NOT NULL,
                seq INTEGER NOT NULL);
            CREATE INDEX queue_messages_ready ON queue_messages (queue, visible_at, seq);
            """),
        (3, "lifecycle processing marks", """
            ALTER TABLE agent_events ADD COLUMN processed_at TEXT;
            """),
        (6, "rate limits and daily quotas", """
            CREATE TABLE limits (
                tenant_id TEXT NOT NULL,
                scope TEXT NOT NULL,
                name TEXT NOT NULL,
                rps REAL,
                burst INTEGER,
                concurrency INTEGER,
                daily_quota INTEGER,
                updated_at TEXT NOT NULL,
                updated_by TEXT NOT NULL,
                PRIMARY KEY (tenant_id, scope, name));
            CREATE TABLE quota_usage (
                tenant_id TEXT NOT NULL,
                scope TEXT NOT NULL,
                name TEXT NOT NULL,
                day TEXT NOT NULL,
                used INTEGER NOT NULL,
                PRIMARY KEY (tenant_id, scope, name, day));
            """),
    ];

    public static int Latest => All[^1].Version;

    public static void Apply(SqliteConnection connection, int? upTo = null)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");
        var current = CurrentVersion(connection);
        foreach (var (version, name, sql) in All)
        {
            if (version <= current || version > (upTo ?? int.MaxValue))
            {
                continue;
            }

            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $t)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$n", name);
            record.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
