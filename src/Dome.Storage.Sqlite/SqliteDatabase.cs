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

    public string Path { get; private init; } = string.Empty;

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
    /// Lets SQLite itself wait (in short steps, up to 5 s) when another connection holds the write lock, instead of
    /// failing with <c>SQLITE_BUSY</c> into the driver's coarse retry sleeps: concurrent writers (the gateway's audit
    /// queue inserts, the dispatcher's deletes) otherwise queue up for whole retry intervals.
    /// </summary>
    private static void WaitWhenBusy(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000;";
        command.ExecuteNonQuery();
    }

    /// <summary>The schema version the file is at.</summary>
    public int SchemaVersion()
    {
        using var connection = OpenConnection();
        return SqliteMigrations.CurrentVersion(connection);
    }
}
