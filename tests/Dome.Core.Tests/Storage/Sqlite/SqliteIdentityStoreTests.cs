namespace Dome.Core.Tests.Storage.Sqlite;

/// <summary>The shared contract, on the SQLite adapter.</summary>
public sealed class SqliteIdentityStoreTests : IdentityStoreContract
{
    protected override Task<StoreSet> CreateStoresAsync() => SqliteStores.CreateAsync();
}
