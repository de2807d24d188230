using Dome.Core.Hosting;
using Microsoft.Extensions.Logging;

namespace Dome.Storage.Sqlite;

/// <summary>
/// Moves the WAL's committed pages into the database file in the background (a passive checkpoint every
/// <see cref="Interval"/>), so no writer pays for it: by default SQLite checkpoints inside the commit that grows the
/// WAL past 1,000 pages, and that commit (often an audit write a tool call waits for) then copies the pages and, with
/// <c>synchronous = NORMAL</c>, fsyncs the file. Connections keep a fallback at <see cref="SqliteDatabase.AutoCheckpointPages"/>
/// pages in case this sweep is not running.
/// </summary>
public sealed partial class SqliteCheckpointSweep(SqliteDatabase database, TimeProvider time, ILogger<SqliteCheckpointSweep> logger) : PeriodicSweep(time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override TimeSpan DueTime => Interval;

    protected override TimeSpan Period => Interval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => database.CheckpointAsync(cancellationToken);

    protected override void ReportFailure(Exception exception) => LogFailed(logger, exception.GetType().Name, exception);

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Background checkpoint of the embedded database failed with {ExceptionType}; the next one tries again")]
    private static partial void LogFailed(ILogger logger, string exceptionType, Exception exception);
}
