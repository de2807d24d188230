using Dome.Storage.Sqlite;

namespace Dome.Core.Tests.Storage.Sqlite;

/// <summary>Fresh SQLite stores on a real database file per test.</summary>
internal static class SqliteStores
{
    public static Task<StoreSet> CreateAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), "dome-store-" + Guid.NewGuid().ToString("N") + ".db");
        var database = SqliteDatabase.Open(path);
        var time = new ManualTimeProvider(TestData.Epoch);
        return Task.FromResult(new StoreSet
        {
            Tenants = new SqliteTenantStore(database),
            Agents = new SqliteAgentStore(database),
            Queue = new SqliteMessageQueue(database, time),
            IdentityProviders = new SqliteIdentityProviderStore(database),
            TokenEvents = new SqliteTokenEventStore(database),
            Time = time,
        });
    }
}
