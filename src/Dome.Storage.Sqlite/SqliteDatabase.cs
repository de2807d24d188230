using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>
/// The embedded database: one SQLite file (WAL) holding registry, events and queues.
/// Opening it applies any migrations the file has not seen yet.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string connectionString;

    private SqliteDatabase(string connectionString) => this.connectionString = connectionString;

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();
    private static readonly object Marker = new();

    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> writerCommands = new(StringComparer.Ordinal);
    private SqliteConnection? writer;
    private bool disposed;

    public string Path { get; private init; } = string.Empty;

    /// <summary>
    /// Serializes this process's writers of the busiest tables (queues, audit) in memory, on one long-lived writer
    /// connection: a writer waiting here is woken the moment the previous one commits, where two connections colliding
    /// on SQLite's write lock would sleep in the busy handler's steps (1, 2, 5, 10 … ms); and the writer's page cache
    /// and prepared statements stay valid from one write to the next (in WAL mode a connection drops its whole cache
    /// whenever another connection has written since its last transaction). Other processes still meet the busy timeout.
    /// </summary>
    public async ValueTask<WriteTurn> EnterWriteAsync(CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            writer ??= await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return new WriteTurn(this, writer);
        }
        catch
        {
            writeGate.Release();
            throw;
        }
    }

    internal void ExitWrite()
    {
        if (writer is { State: not System.Data.ConnectionState.Open })
        {
            // A broken writer (closed under us) is replaced at the next turn.
            DropWriter();
        }

        writeGate.Release();
    }

    internal SqliteCommand WriterCommand(string sql, SqliteTransaction? transaction, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!writerCommands.TryGetValue(sql, out var command))
        {
            command = writer!.CreateCommand();
            command.CommandText = sql;
            writerCommands[sql] = command;
        }

        command.Transaction = transaction;
        var bound = command.Parameters;
        foreach (var (name, value) in parameters)
        {
            var index = bound.IndexOf(name);
            if (index < 0)
            {
                bound.AddWithValue(name, value ?? DBNull.Value);
            }
            else
            {
                bound[index].Value = value ?? DBNull.Value;
            }
        }

        return command;
    }

    /// <summary>Closes the writer connection (waiting for a writer in its turn to finish).</summary>
    public void Dispose()
    {
        writeGate.Wait();
        try
        {
            disposed = true;
            DropWriter();
        }
        finally
        {
            writeGate.Release();
        }
    }

    private void DropWriter()
    {
        foreach (var command in writerCommands.Values)
        {
            command.Dispose();
        }

        writerCommands.Clear();
        writer?.Dispose();
        writer = null;
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
        ConfigureOnce(connection);
        return connection;
    }

    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        ConfigureOnce(connection);
        return connection;
    }

    /// <summary>
    /// Once per underlying SQLite connection (neither setting is stored in the file; a pooled connection keeps them,
    /// so a connection taken from the pool again is not configured again): lets SQLite itself wait (in short steps, up to 5 s) when
    /// another connection holds the write lock, instead of failing with <c>SQLITE_BUSY</c> into the driver's coarse
    /// retry sleeps; and <c>synchronous = NORMAL</c>, which in WAL mode does not fsync on every commit (only at
    /// checkpoints). A commit is then durable across a crash of the process (it is in the WAL file), not across a
    /// crash of the operating system or a power cut, which may roll back the last commits; the database stays
    /// consistent either way. FULL would fsync each commit (~1.5 ms on the reference machine, docs/benchmarks.md),
    /// which the audited call waits for twice (docs/audit.md). Without this line only the first connection got NORMAL.
    /// Checkpoints run in the background (<see cref="SqliteCheckpointSweep"/>); a connection checkpoints by itself
    /// only past <see cref="AutoCheckpointPages"/>.
    /// </summary>
    private static void ConfigureOnce(SqliteConnection connection)
    {
        if (connection.Handle is not { } handle || Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = {AutoCheckpointPages};";
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, Marker);
    }

    /// <summary>
    /// The WAL size (pages) at which a committing connection checkpoints by itself: a fallback well above what the
    /// background <see cref="SqliteCheckpointSweep"/> lets the WAL grow to (SQLite's default is 1,000).
    /// </summary>
    public const int AutoCheckpointPages = 20_000;

    /// <summary>A passive checkpoint: copies what no reader still needs from the WAL into the file, never waiting for writers or readers.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema version the file is at.</summary>
    public int SchemaVersion()
    {
        using var connection = OpenConnection();
        return SqliteMigrations.CurrentVersion(connection);
    }
}
