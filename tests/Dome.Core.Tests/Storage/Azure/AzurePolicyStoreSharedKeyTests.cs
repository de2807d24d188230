using Dome.Core.Policy;
using Dome.Storage.Azure.Stores;
using Dome.Storage.Azure.Tables;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure;

/// <summary>The shared contract, on the Table Storage adapter (Azurite, Shared Key over HTTP). A location is a table prefix; reopening it is a restart.</summary>
public sealed class AzurePolicyStoreSharedKeyTests(AzuriteFixture azurite) : PolicyStoreContract, IAsyncLifetime
{
    private TableServiceClient? service;

    public async ValueTask InitializeAsync() => service = await AzureTestClients.TableServiceAsync(azurite, AzuriteAuth.SharedKey);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected override IPolicyStore Open(string location) => new AzureTableStores(service!, location).Policies;

    protected override string NewLocation() => AzuriteFixture.UniqueName("d");
}
