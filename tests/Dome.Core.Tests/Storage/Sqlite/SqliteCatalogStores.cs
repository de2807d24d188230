using Dome.Storage.Sqlite;
using Microsoft.AspNetCore.DataProtection;

namespace Dome.Core.Tests.Storage.Sqlite;

/// <summary>Fresh SQLite catalog and secret stores on a real database file, with a real key ring per test.</summary>
internal static class SqliteCatalogStores
{
    public static (CatalogStores Stores, SqliteDatabase Database, string KeyRing) Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "dome-catalog-" + Guid.NewGuid().ToString("N"));
        var database = SqliteDatabase.Open(Path.Combine(root, "dome.db"));
        var keys = Path.Combine(root, "keys");
        return (new CatalogStores
        {
            Catalog = new SqliteCatalogStore(database),
            Secrets = new SqliteSecretStore(database, KeyRing(keys)),
        }, database, keys);
    }

    public static IDataProtectionProvider KeyRing(string directory) =>
        DataProtectionProvider.Create(new DirectoryInfo(directory), builder => builder.SetApplicationName("dome-tests"));
}
