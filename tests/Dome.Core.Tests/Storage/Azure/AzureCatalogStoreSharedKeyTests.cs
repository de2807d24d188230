using Dome.Core.Tests.Storage.Sqlite;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure;

/// <summary>The shared catalog contract, on the Table Storage adapter (Azurite, Shared Key over HTTP).</summary>
public sealed class AzureCatalogStoreSharedKeyTests(AzuriteFixture azurite) : CatalogStoreContract
{
    protected override async Task<CatalogStores> CreateStoresAsync()
    {
        var stores = await AzureStores.CreateTablesAsync(azurite, AzuriteAuth.SharedKey);

        // The secret store of this set is SQLite's: the catalog contract does not use it, and the Key Vault secret
        // store runs the secret-store contract in its own test classes.
        return new CatalogStores { Catalog = stores.Catalog, Secrets = SqliteCatalogStores.Create().Stores.Secrets };
    }
}
