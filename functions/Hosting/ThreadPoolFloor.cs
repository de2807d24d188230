namespace Dome.Functions.Hosting;

/// <summary>
/// Raises the thread pool's minimum worker threads when <c>Dome:MinWorkerThreads</c> is set (by default the runtime's
/// minimum, one per core, is kept). Microsoft.Data.Sqlite's async methods run synchronously, so a writer waiting on
/// the database holds a pool thread; since the audit writes are group-committed by one caller at a time and the
/// dispatcher is one loop, at most a few threads wait at once. A floor of 64 (the default until run 6 of
/// docs/benchmarks.md) let the pool run many more threads than cores under load, and the switching between them
/// cost ~40% more CPU per governed call on the 2-core reference machine.
/// </summary>
internal static class ThreadPoolFloor
{
    public const string Key = "Dome:MinWorkerThreads";

    public static void Apply(IConfiguration configuration)
    {
        var floor = configuration.GetValue(Key, 0);
        ThreadPool.GetMinThreads(out var workers, out var io);
        if (floor > workers)
        {
            ThreadPool.SetMinThreads(floor, io);
        }
    }
}
