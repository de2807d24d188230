using Azure;
using Azure.Core;
using Dome.Storage.Azure.Queues;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure.Queues;

/// <summary>Queue clients on the assembly's Azurite, in either auth mode.</summary>
internal static class AzureQueueClients
{
    public static async Task<QueueServiceClient> QueueServiceAsync(AzuriteFixture azurite, AzuriteAuth auth, AzureNamedKeyCredential? key = null, TokenCredential? credential = null)
    {
        var service = await azurite.GetQueueServiceAsync(auth);
        var options = new QueueClientOptions { Transport = service.CreateTransport() };
        options.Retry.MaxRetries = 1;
        return auth == AzuriteAuth.SharedKey
            ? new QueueServiceClient(service.Endpoint, key ?? new AzureNamedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey), options)
            : new QueueServiceClient(service.Endpoint, credential ?? azurite.Credential, options);
    }
}
