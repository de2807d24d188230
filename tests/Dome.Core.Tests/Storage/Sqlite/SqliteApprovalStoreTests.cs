using Dome.Core.Approvals;
using Dome.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dome.Core.Tests.Storage.Sqlite;

/// <summary>The shared contract, on the SQLite adapter: a real database file, reopened for restarts.</summary>
public sealed class SqliteApprovalStoreTests : ApprovalStoreContract
{
    protected override IApprovalStore Open(string location)
    {
        SqliteConnection.ClearAllPools();
        return new SqliteApprovalStore(SqliteDatabase.Open(location));
    }

    protected override string NewLocation() => Path.Combine(Path.GetTempPath(), "dome-approvals-" + Guid.NewGuid().ToString("N") + ".db");
}
