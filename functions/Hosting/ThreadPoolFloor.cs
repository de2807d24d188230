namespace Dome.Functions.Hosting;

/// <summary>
/// Raises the thread pool's minimum worker threads (<c>Dome:MinWorkerThreads</c>, default 64). The embedded stores
/// use Microsoft.Data.Sqlite, whose async methods run synchronously: a few writers waiting on the database (the audit
/// writer, the dispatcher, the <c>audit</c> function) hold pool threads, and with the default minimum (one per core)
/// the pool then adds threads only slowly, so every other request — the gateway's upstream calls included — queues
/// behind them (the load harness showed the <c>forward</c> step waiting ten times longer than the upstream took).
/// </summary>
internal static class ThreadPoolFloor
{
    public const string Key = "Dome:MinWorkerThreads";

    public static void Apply(IConfiguration configuration)
    {
        var floor = configuration.GetValue(Key, 64);
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (floor > workers)
        {
            ThreadPool.SetMinThreads(floor, io);
        }
    }
}
