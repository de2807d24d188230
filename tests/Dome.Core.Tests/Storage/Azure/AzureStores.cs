using Azure;
using Dome.Storage.Azure.Stores;
using Dome.Storage.Sqlite;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure;

/// <summary>Fresh Table Storage stores on the assembly's Azurite: a unique table prefix per test isolates its data.</summary>
internal static class AzureStores
{
    /// <summary>Through the public factory the <c>Dome:Storage</c> wiring uses, with the fixture's credential and pinned transport.</summary>
    public static async Task<AzureTableStores> CreateTablesAsync(AzuriteFixture azurite, AzuriteAuth auth, TimeProvider? time = null)
    {
        var service = await azurite.GetTableServiceAsync(auth);
        var prefix = AzuriteFixture.UniqueName("d");
        return auth == AzuriteAuth.SharedKey
            ? AzureTableStores.Create(service.Endpoint, new AzureNamedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey), prefix, service.CreateTransport(), time)
            : AzureTableStores.Create(service.Endpoint, azurite.Credential, prefix, service.CreateTransport(), time);
    }

    public static async Task<StoreSet> CreateAsync(AzuriteFixture azurite, AzuriteAuth auth)
    {
        var time = new ManualTimeProvider(TestData.Epoch);
        var stores = await CreateTablesAsync(azurite, auth, time);

        // The queue of this set is SQLite's: these contracts do not use it, and the Storage Queues adapter runs the
        // message-queue contract in its own test classes.
        var database = SqliteDatabase.Open(Path.Combine(Path.GetTempPath(), "dome-azure-queue-" + Guid.NewGuid().ToString("N") + ".db"));
        return new StoreSet
        {
            Tenants = stores.Tenants,
            Agents = stores.Agents,
            Queue = new SqliteMessageQueue(database, time),
            IdentityProviders = stores.IdentityProviders,
            TokenEvents = stores.TokenEvents,
            Time = time,
        };
    }
}
