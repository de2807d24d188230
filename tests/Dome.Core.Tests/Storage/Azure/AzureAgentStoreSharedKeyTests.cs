using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure;

/// <summary>The shared contract, on the Table Storage adapter (Azurite, Shared Key over HTTP).</summary>
public sealed class AzureAgentStoreSharedKeyTests(AzuriteFixture azurite) : AgentStoreContract
{
    protected override Task<StoreSet> CreateStoresAsync() => AzureStores.CreateAsync(azurite, AzuriteAuth.SharedKey);
}
