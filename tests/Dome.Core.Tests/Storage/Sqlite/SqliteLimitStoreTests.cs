using Dome.Core.Limits;
using Dome.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dome.Core.Tests.Storage.Sqlite;

/// <summary>The shared contract, on the SQLite adapter: a real database file, reopened for restarts.</summary>
public sealed class SqliteLimitStoreTests : LimitStoreContract
{
    protected override ILimitStore Open(string location)
    {
        SqliteConnection.ClearAllPools();
        return new SqliteLimitStore(SqliteDatabase.Open(location));
    }

    protected override string NewLocation() => Path.Combine(Path.GetTempPath(), "dome-limits-" + Guid.NewGuid().ToString("N") + ".db");
}
