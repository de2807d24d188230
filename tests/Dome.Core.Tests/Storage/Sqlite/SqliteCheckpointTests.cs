using Dome.Storage.Sqlite;

namespace Dome.Core.Tests.Storage.Sqlite;

/// <summary>Checkpoints are the background sweep's job: commits leave pages in the WAL until it runs.</summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("dome-checkpoint-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Commits_StayInWal_UntilCheckpointMovesThemIntoTheFile()
    {
        var path = Path.Combine(dir, "dome.db");
        using var database = SqliteDatabase.Open(path);
        var queue = new SqliteMessageQueue(database, TimeProvider.System);
        var before = new FileInfo(path).Length;

        // ~1,200 pages of messages: past SQLite's default autocheckpoint (1,000 pages), below Dome's fallback.
        var body = new string('x', 4000);
        for (var i = 0; i < 1200; i++)
        {
            await queue.SendAsync("dome-audit", body, TestContext.Current.CancellationToken);
        }

        Assert.Equal(before, new FileInfo(path).Length);
        await database.CheckpointAsync(TestContext.Current.CancellationToken);

        Assert.True(new FileInfo(path).Length > before + (1000L * 4096), $"the file grew from {before} to {new FileInfo(path).Length} bytes");
        Assert.Equal(1200, await queue.CountAsync("dome-audit", TestContext.Current.CancellationToken));
    }
}
