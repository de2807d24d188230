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
        (4, "identity providers and token events", """
            CREATE TABLE identity_providers (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                issuer TEXT NOT NULL,
                jwks_uri TEXT,
                jwks TEXT,
                audience TEXT NOT NULL,
                created_at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, name),
                UNIQUE (tenant_id, issuer));
            CREATE TABLE token_events (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                tenant_id TEXT,
                agent_id TEXT,
                key_id TEXT,
                detail TEXT NOT NULL,
                reason TEXT,
                at TEXT NOT NULL);
            CREATE INDEX token_events_at ON token_events (at);
            """),
        (5, "tool catalog and secrets", """
            CREATE TABLE connections (
                tenant_id TEXT NOT NULL,
                name TEXT NOT NULL,
                base_url TEXT NOT NULL,
                auth_kind TEXT NOT NULL,
                auth_secret TEXT,
                auth_header TEXT,
                token_url TEXT,
                scope TEXT,
                output_rules TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, name));
            CREATE TABLE tools (
                tenant_id TEXT NOT NULL,
                connection TEXT NOT NULL,
                name TEXT NOT NULL,
                method TEXT NOT NULL,
                path TEXT NOT NULL,
                description TEXT NOT NULL,
                input_schema TEXT NOT NULL,
                parameters TEXT NOT NULL,
                body_property TEXT,
                output_rules TEXT,
                audit_arguments INTEGER NOT NULL,
                tags TEXT NOT NULL,
                risk TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, connection, name),
                FOREIGN KEY (tenant_id, connection) REFERENCES connections(tenant_id, name) ON DELETE CASCADE);
            CREATE TABLE secrets (
                tenant_id TEXT NOT NULL,
                name TEXT NOT NULL,
                ciphertext BLOB NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, name));
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
        (7, "policy versions, approvals and audit", """
            CREATE TABLE policy_versions (
                tenant_id TEXT NOT NULL,
                hash TEXT NOT NULL,
                files TEXT NOT NULL,
                schema_text TEXT NOT NULL,
                published_by TEXT NOT NULL,
                published_at TEXT NOT NULL,
                activated_at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, hash));
            CREATE TABLE policy_active (
                tenant_id TEXT PRIMARY KEY,
                hash TEXT NOT NULL);
            CREATE TABLE policy_settings (
                tenant_id TEXT PRIMARY KEY,
                judge_url TEXT,
                judge_timeout_ms INTEGER,
                approval_lifetime_seconds INTEGER);
            CREATE TABLE approvals (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL,
                agent_id TEXT NOT NULL,
                user_id TEXT,
                tool TEXT NOT NULL,
                arguments_hash TEXT NOT NULL,
                reason TEXT NOT NULL,
                policy_ids TEXT NOT NULL,
                intent TEXT,
                status TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                decided_by TEXT,
                decided_at TEXT,
                comment TEXT);
            CREATE INDEX approvals_by_tenant ON approvals (tenant_id, created_at);
            CREATE TABLE audit_events (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant_id TEXT NOT NULL,
                id TEXT NOT NULL,
                time TEXT NOT NULL,
                agent_id TEXT,
                agent_name TEXT,
                user_id TEXT,
                tool TEXT,
                decision TEXT NOT NULL,
                stage INTEGER NOT NULL,
                body TEXT NOT NULL,
                UNIQUE (tenant_id, id));
            CREATE INDEX audit_events_by_tenant ON audit_events (tenant_id, seq);
            """),
        (8, "queue send without a table scan", """
            CREATE INDEX queue_messages_seq ON queue_messages (seq);
            """),
        (9, "identity providers' customer claim; unprocessed agent events", """
            ALTER TABLE identity_providers ADD COLUMN customer_claim TEXT;
            CREATE INDEX agent_events_unprocessed ON agent_events (at) WHERE processed_at IS NULL;
            """),
        (10, "queue messages keyed by their send order (two b-trees per write instead of four)", """
            CREATE TABLE queue_messages_by_seq (
                seq INTEGER PRIMARY KEY,
                queue TEXT NOT NULL,
                body TEXT NOT NULL,
                dequeue_count INTEGER NOT NULL DEFAULT 0,
                pop_receipt TEXT,
                inserted_at INTEGER NOT NULL,
                visible_at INTEGER NOT NULL);
            INSERT INTO queue_messages_by_seq (seq, queue, body, dequeue_count, pop_receipt, inserted_at, visible_at)
                SELECT seq, queue, body, dequeue_count, pop_receipt, inserted_at, visible_at FROM queue_messages;
            DROP TABLE queue_messages;
            ALTER TABLE queue_messages_by_seq RENAME TO queue_messages;
            CREATE INDEX queue_messages_ready ON queue_messages (queue, visible_at);
            """),
        (11, "agent events' redelivery back-off", """
            ALTER TABLE agent_events ADD COLUMN redeliver_after TEXT;
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
