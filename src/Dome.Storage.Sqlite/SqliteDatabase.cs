using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>
/// The embedded database: one SQLite file (WAL) holding registry, events and queues.
/// Opening it applies any migrations the file has not seen yet.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string connectionString;

    private SqliteDatabase(string connectionString) => this.connectionString = connectionString;

    private readonly SemaphoreSlim writeGate = new(1, 1);

    public string Path { get; private init; } = string.Empty;

    /// <summary>
    /// Serializes this process's writers of the busiest tables (queues, audit) in memory: a writer waiting here is
    /// woken the moment the previous one commits, where two connections colliding on SQLite's write lock would
    /// sleep in the busy handler's steps (1, 2, 5, 10 … ms). Other processes still meet the busy timeout.
    /// </summary>
    public async ValueTask<WriteTurn> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new WriteTurn(writeGate);
    }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    public static SqliteDatabase Open(string path, int? migrateTo = null)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
            ForeignKeys = true,
        };
        var database = new SqliteDatabase(builder.ToString()) { Path = path };
        using (var connection = database.OpenConnection())
        {
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
            wal.ExecuteNonQuery();
            SqliteMigrations.Apply(connection, migrateTo);
        }

        return database;
    }

    public SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        WaitWhenBusy(connection);
        return connection;
    }

    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        WaitWhenBusy(connection);
        return connection;
    }

    /// <summary>
    /// Per connection (neither setting is stored in the file): lets SQLite itself wait (in short steps, up to 5 s) when
    /// another connection holds the write lock, instead of failing with <c>SQLITE_BUSY</c> into the driver's coarse
    /// retry sleeps; and <c>synchronous = NORMAL</c>, which in WAL mode does not fsync on every commit (only at
    /// checkpoints). A commit is then durable across a crash of the process (it is in the WAL file), not across a
    /// crash of the operating system or a power cut, which may roll back the last commits; the database stays
    /// consistent either way. FULL would fsync each commit (~1.5 ms on the reference machine, docs/benchmarks.md),
    /// which the audited call waits for twice (docs/audit.md). Without this line only the first connection got NORMAL.
    /// </summary>
    private static void WaitWhenBusy(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>The schema version the file is at.</summary>
    public int SchemaVersion()
    {
        using var connection = OpenConnection();
        return SqliteMigrations.CurrentVersion(connection);
    }
}
