using Dome.Core.Limits;
using Dome.Storage.Azure.Stores;
using Dome.Storage.Azure.Tables;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure;

/// <summary>The shared contract, on the Table Storage adapter (Azurite, bearer token over HTTPS). A location is a table prefix; reopening it is a restart.</summary>
public sealed class AzureLimitStoreOAuthTests(AzuriteFixture azurite) : LimitStoreContract, IAsyncLifetime
{
    private TableServiceClient? service;

    public async ValueTask InitializeAsync() => service = await AzureTestClients.TableServiceAsync(azurite, AzuriteAuth.OAuth);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected override ILimitStore Open(string location) => new AzureTableStores(service!, location).Limits;

    protected override string NewLocation() => AzuriteFixture.UniqueName("d");
}
