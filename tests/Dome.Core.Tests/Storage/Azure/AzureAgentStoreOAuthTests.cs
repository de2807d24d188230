using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure;

/// <summary>The shared contract, on the Table Storage adapter (Azurite, bearer token over HTTPS).</summary>
public sealed class AzureAgentStoreOAuthTests(AzuriteFixture azurite) : AgentStoreContract
{
    protected override Task<StoreSet> CreateStoresAsync() => AzureStores.CreateAsync(azurite, AzuriteAuth.OAuth);
}
