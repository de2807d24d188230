using System.Text;
using Azure;
using Dome.Core.Tests.Storage.Sqlite;
using Dome.Storage.Azure.Queues;
using Dome.Testing.Azurite;

namespace Dome.Core.Tests.Storage.Azure.Queues;

/// <summary>
/// The shared queue contract on Storage Queues in Azurite, run once per auth mode by the subclasses, plus what only
/// this adapter shows: the wire format the Functions trigger expects and refused credentials. Azurite keeps its own
/// clock, so time passes by real waiting here (seconds: the service's unit of visibility).
/// </summary>
public abstract class AzureMessageQueueContract(AzuriteFixture azurite, AzuriteAuth auth) : MessageQueueContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected AzuriteFixture Azurite { get; } = azurite;

    protected AzuriteAuth Auth { get; } = auth;

    protected override TimeSpan Lease => TimeSpan.FromSeconds(6);

    protected override TimeSpan Margin => TimeSpan.FromSeconds(3);

    // The contract uses only Queue; the other members are the SQLite stores because a StoreSet needs them.
    protected override async Task<StoreSet> CreateStoresAsync() => await SqliteStores.CreateAsync() with
    {
        Queue = new AzureMessageQueue(await AzureQueueClients.QueueServiceAsync(Azurite, Auth)),
        LetTimePass = duration => Task.Delay(duration, Ct),
    };

    [Fact]
    public async Task Send_PutsBase64OfUtf8_AsTheFunctionsTriggerDecodes()
    {
        var client = await AzureQueueClients.QueueServiceAsync(Azurite, Auth);
        var queue = new AzureMessageQueue(client);
        var name = AzuriteFixture.UniqueName("wire");
        const string body = """{"event":"ünï ✓"}""";

        await queue.SendAsync(name, body, Ct);

        var raw = Assert.Single((await client.PeekMessagesAsync(name, 1, Ct))!);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(body)), raw.MessageText);
    }

    [Fact]
    public async Task Send_BodyOverTheServiceLimit_IsRefusedBeforeSending()
    {
        var queue = new AzureMessageQueue(await AzureQueueClients.QueueServiceAsync(Azurite, Auth));
        var name = AzuriteFixture.UniqueName("big");

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendAsync(name, new string('x', 50 * 1024), Ct));

        Assert.Contains($"queue `{name}`", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, await queue.CountAsync(name, Ct));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    public async Task AnyCall_InvalidQueueName_ThrowsNamingIt(string name)
    {
        var queue = new AzureMessageQueue(await AzureQueueClients.QueueServiceAsync(Azurite, Auth));

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => queue.SendAsync(name, "x", Ct));

        Assert.Contains($"`{name}` is not a storage queue name", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_StalePopReceipt_ReturnsFalse()
    {
        var queue = new AzureMessageQueue(await AzureQueueClients.QueueServiceAsync(Azurite, Auth));
        var name = AzuriteFixture.UniqueName("stale");
        await queue.SendAsync(name, "body", Ct);
        var message = await queue.ReceiveAsync(name, Lease, Ct);
        Assert.True(await queue.ReleaseAsync(name, message!.Id, message.PopReceipt, TimeSpan.Zero, Ct));

        Assert.False(await queue.ReleaseAsync(name, message.Id, message.PopReceipt, TimeSpan.Zero, Ct));
        Assert.False(await queue.DeleteAsync(name, message.Id, message.PopReceipt, Ct));
        Assert.Equal(1, await queue.CountAsync(name, Ct));
    }

    [Fact]
    public async Task Calls_WithRefusedCredentials_ThrowRequestFailed403()
    {
        var client = Auth == AzuriteAuth.SharedKey
            ? await AzureQueueClients.QueueServiceAsync(Azurite, Auth, key: new AzureNamedKeyCredential(AzuriteFixture.AccountName, Convert.ToBase64String(new byte[64])))
            : await AzureQueueClients.QueueServiceAsync(Azurite, Auth, credential: new AzuriteTokenCredential { Audience = "https://elsewhere.example.com" });
        var queue = new AzureMessageQueue(client);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendAsync(AzuriteFixture.UniqueName("denied"), "x", Ct));

        Assert.Equal(403, failure.Status);
    }
}
