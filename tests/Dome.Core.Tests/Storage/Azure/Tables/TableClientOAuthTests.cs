using Azure;
using Dome.Storage.Azure;
using Dome.Storage.Azure.Tables;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure.Tables;

/// <summary>The table client on Azurite with bearer tokens over HTTPS (<c>--oauth basic</c>).</summary>
public sealed class TableClientOAuthTests(AzuriteFixture azurite) : TableClientContract(azurite, AzuriteAuth.OAuth)
{
    [Fact]
    public async Task Request_AsksForTheStorageScope()
    {
        var service = await Azurite.GetTableServiceAsync(AzuriteAuth.OAuth);
        var credential = new AzuriteTokenCredential();
        var client = new TableServiceClient(service.Endpoint, credential, new TableClientOptions { Transport = service.CreateTransport() })
            .GetTableClient(AzuriteFixture.UniqueName("t"));
        await client.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        Assert.Equal([StorageEndpoint.Scope], credential.RequestedScopes.Distinct());
    }

    [Theory]
    [InlineData("https://storage.azure.com", -1)]
    [InlineData("https://vault.azure.net", 60)]
    public async Task Request_ExpiredOrWrongAudienceToken_IsRefused(string audience, int lifetimeMinutes)
    {
        var service = await Azurite.GetTableServiceAsync(AzuriteAuth.OAuth);
        var credential = new AzuriteTokenCredential { Audience = audience, Lifetime = TimeSpan.FromMinutes(lifetimeMinutes) };
        var options = new TableClientOptions { Transport = service.CreateTransport() };
        options.Retry.MaxRetries = 0;
        var client = new TableServiceClient(service.Endpoint, credential, options).GetTableClient(AzuriteFixture.UniqueName("t"));
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateIfNotExistsAsync(TestContext.Current.CancellationToken));
        Assert.Contains(error.Status, new[] { 401, 403 });
    }

    [Fact]
    public async Task Transport_OtherCertificate_IsNotTrusted()
    {
        var service = await Azurite.GetTableServiceAsync(AzuriteAuth.OAuth);
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        var client = new TableServiceClient(service.Endpoint, Azurite.Credential, options).GetTableClient(AzuriteFixture.UniqueName("t"));
        await Assert.ThrowsAsync<RequestFailedException>(() => client.CreateIfNotExistsAsync(TestContext.Current.CancellationToken));
    }
}
