using Microsoft.Data.Sqlite;

namespace Dome.Storage.Sqlite;

/// <summary>
/// A writer's turn at <see cref="SqliteDatabase.EnterWriteAsync"/>: the database's one writer connection, alone until
/// the turn is disposed. Commands come prepared from the writer's cache: do not dispose them.
/// </summary>
public readonly struct WriteTurn : IDisposable
{
    private readonly SqliteDatabase database;

    internal WriteTurn(SqliteDatabase database, SqliteConnection connection)
    {
        this.database = database;
        Connection = connection;
    }

    public SqliteConnection Connection { get; }

    /// <summary>
    /// The writer's prepared command for <paramref name="sql"/>, bound to <paramref name="parameters"/>. Bind every
    /// parameter of the statement on every use: one not given keeps the value of the command's previous use.
    /// </summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        database.WriterCommand(sql, transaction, parameters);

    public void Dispose() => database.ExitWrite();
}
