using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure.Queues;

/// <summary>
/// The queue contract on Azurite with bearer tokens over HTTPS (<c>--oauth basic</c>). Azurite checks the token's
/// audience, issuer and lifetime but not its signature, so the credential mints an unsigned JWT (see
/// <see cref="AzuriteTokenCredential"/>): the client's bearer flow is real, the identity provider is not.
/// </summary>
public sealed class AzureMessageQueueOAuthTests(AzuriteFixture azurite) : AzureMessageQueueContract(azurite, AzuriteAuth.OAuth)
{
    [Fact]
    public async Task Send_AsksForTheStorageScope()
    {
        var queue = new Dome.Storage.Azure.Queues.AzureMessageQueue(await AzureQueueClients.QueueServiceAsync(Azurite, Auth));

        await queue.SendAsync(AzuriteFixture.UniqueName("scope"), "x", TestContext.Current.CancellationToken);

        Assert.Contains("https://storage.azure.com/.default", Azurite.Credential.RequestedScopes);
    }
}
