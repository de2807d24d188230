using Dome.Core.Tests.Storage.Sqlite;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure;

/// <summary>The shared catalog contract, on the Table Storage adapter (Azurite, bearer token over HTTPS).</summary>
public sealed class AzureCatalogStoreOAuthTests(AzuriteFixture azurite) : CatalogStoreContract
{
    protected override async Task<CatalogStores> CreateStoresAsync()
    {
        var stores = await AzureStores.CreateTablesAsync(azurite, AzuriteAuth.OAuth);

        // The secret store of this set is SQLite's: the catalog contract does not use it, and the Key Vault secret
        // store runs the secret-store contract in its own test classes.
        return new CatalogStores { Catalog = stores.Catalog, Secrets = SqliteCatalogStores.Create().Stores.Secrets };
    }
}
