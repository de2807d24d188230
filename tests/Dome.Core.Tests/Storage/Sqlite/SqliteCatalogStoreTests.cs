namespace Dome.Core.Tests.Storage.Sqlite;

/// <summary>The shared contract, on the SQLite adapter.</summary>
public sealed class SqliteCatalogStoreTests : CatalogStoreContract
{
    protected override Task<CatalogStores> CreateStoresAsync() => Task.FromResult(SqliteCatalogStores.Create().Stores);
}
