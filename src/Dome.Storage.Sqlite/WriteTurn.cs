namespace Dome.Storage.Sqlite;

/// <summary>A writer's turn at <see cref="SqliteDatabase.EnterWriteAsync"/>; disposing it lets the next writer in.</summary>
public readonly struct WriteTurn(SemaphoreSlim gate) : IDisposable
{
    public void Dispose() => gate.Release();
}
