using Dome.Core.Audit;
using Dome.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dome.Core.Tests.Storage.Sqlite;

/// <summary>The shared contract, on the SQLite adapter: a real database file, reopened for restarts.</summary>
public sealed class SqliteAuditStoreTests : AuditStoreContract
{
    protected override IAuditStore Open(string location)
    {
        SqliteConnection.ClearAllPools();
        return new SqliteAuditStore(SqliteDatabase.Open(location));
    }

    protected override string NewLocation() => Path.Combine(Path.GetTempPath(), "dome-audit-" + Guid.NewGuid().ToString("N") + ".db");
}
