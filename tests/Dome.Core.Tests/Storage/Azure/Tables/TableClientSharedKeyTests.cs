using Azure;
using Dome.Storage.Azure.Tables;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure.Tables;

/// <summary>The table client on Azurite with Shared Key over HTTP.</summary>
public sealed class TableClientSharedKeyTests(AzuriteFixture azurite) : TableClientContract(azurite, AzuriteAuth.SharedKey)
{
    [Fact]
    public async Task Request_WrongAccountKey_IsRefused()
    {
        var service = await Azurite.GetTableServiceAsync(AzuriteAuth.SharedKey);
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var client = new TableServiceClient(service.Endpoint, new AzureNamedKeyCredential(AzuriteFixture.AccountName, wrongKey))
            .GetTableClient(AzuriteFixture.UniqueName("t"));
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateIfNotExistsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(403, error.Status);
    }
}
