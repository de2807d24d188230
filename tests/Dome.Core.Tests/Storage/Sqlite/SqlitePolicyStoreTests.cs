using Dome.Core.Policy;
using Dome.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dome.Core.Tests.Storage.Sqlite;

/// <summary>The shared contract, on the SQLite adapter: a real database file, reopened for restarts.</summary>
public sealed class SqlitePolicyStoreTests : PolicyStoreContract
{
    protected override IPolicyStore Open(string location)
    {
        SqliteConnection.ClearAllPools();
        return new SqlitePolicyStore(SqliteDatabase.Open(location));
    }

    protected override string NewLocation() => Path.Combine(Path.GetTempPath(), "dome-policies-" + Guid.NewGuid().ToString("N") + ".db");
}
