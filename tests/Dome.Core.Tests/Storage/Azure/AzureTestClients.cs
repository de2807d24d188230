using Azure;
using Dome.Storage.Azure.Tables;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure;

/// <summary>Table clients on the assembly's Azurite, in either auth mode.</summary>
internal static class AzureTestClients
{
    public static async Task<TableServiceClient> TableServiceAsync(AzuriteFixture azurite, AzuriteAuth auth)
    {
        var service = await azurite.GetTableServiceAsync(auth);
        var options = new TableClientOptions { Transport = service.CreateTransport() };
        options.Retry.MaxRetries = 1;
        return auth == AzuriteAuth.SharedKey
            ? new TableServiceClient(service.Endpoint, new AzureNamedKeyCredential(AzuriteFixture.AccountName, AzuriteFixture.AccountKey), options)
            : new TableServiceClient(service.Endpoint, azurite.Credential, options);
    }

    /// <summary>A new, empty table with a unique name.</summary>
    public static async Task<TableClient> NewTableAsync(AzuriteFixture azurite, AzuriteAuth auth)
    {
        var client = (await TableServiceAsync(azurite, auth)).GetTableClient(AzuriteFixture.UniqueName("t"));
        await client.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        return client;
    }
}
