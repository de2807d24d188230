namespace Dome.Core.Tests.Storage;

/// <summary>What every <see cref="Core.Queues.IMessageQueue"/> must do (Storage Queue semantics). Each adapter inherits this once.</summary>
public abstract class MessageQueueContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected abstract Task<StoreSet> CreateStoresAsync();

    [Fact]
    public async Task Receive_FirstInFirstOut_AndCountsDeliveries()
    {
        var stores = await CreateStoresAsync();
        await stores.Queue.SendAsync("q", "one", TestContext.Current.CancellationToken);
        await stores.Queue.SendAsync("q", "two", TestContext.Current.CancellationToken);

        var first = await stores.Queue.ReceiveAsync("q", Lease, TestContext.Current.CancellationToken);
        var second = await stores.Queue.ReceiveAsync("q", Lease, TestContext.Current.CancellationToken);

        Assert.Equal(("one", 1), (first!.Body, first.DequeueCount));
        Assert.Equal(("two", 1), (second!.Body, second.DequeueCount));
        Assert.Null(await stores.Queue.ReceiveAsync("q", Lease, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Receive_HidesMessageUntilLeaseLapses_ThenRedeliversWithHigherCount()
    {
        var stores = await CreateStoresAsync();
        await stores.Queue.SendAsync("q", "body", TestContext.Current.CancellationToken);
        var first = await stores.Queue.ReceiveAsync("q", Lease, TestContext.Current.CancellationToken);

        stores.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Null(await stores.Queue.ReceiveAsync("q", Lease, TestContext.Current.CancellationToken));
        stores.Time.Advance(TimeSpan.FromSeconds(2));
        var again = await stores.Queue.ReceiveAsync("q", Lease, TestContext.Current.CancellationToken);

        Assert.Equal(first!.Id, again!.Id);
        Assert.Equal(2, again.DequeueCount);
        Assert.NotEqual(first.PopReceipt, again.PopReceipt);
    }

    [Fact]
    public async Task Delete_NeedsCurrentPopReceipt()
    {
        var stores = await CreateStoresAsync();
        await stores.Queue.SendAsync("q", "body", TestContext.Current.CancellationToken);
        var first = await stores.Queue.ReceiveAsync("q", TimeSpan.Zero, TestContext.Current.CancellationToken);
        var second = await stores.Queue.ReceiveAsync("q", Lease, TestContext.Current.CancellationToken);

        Assert.False(await stores.Queue.DeleteAsync("q", first!.Id, first.PopReceipt, TestContext.Current.CancellationToken));
        Assert.Equal(1, await stores.Queue.CountAsync("q", TestContext.Current.CancellationToken));
        Assert.True(await stores.Queue.DeleteAsync("q", second!.Id, second.PopReceipt, TestContext.Current.CancellationToken));
        Assert.Equal(0, await stores.Queue.CountAsync("q", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Release_MakesMessageVisibleAfterDelay()
    {
        var stores = await CreateStoresAsync();
        await stores.Queue.SendAsync("q", "body", TestContext.Current.CancellationToken);
        var message = await stores.Queue.ReceiveAsync("q", Lease, TestContext.Current.CancellationToken);

        Assert.True(await stores.Queue.ReleaseAsync("q", message!.Id, message.PopReceipt, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.Null(await stores.Queue.ReceiveAsync("q", Lease, TestContext.Current.CancellationToken));
        stores.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(2, (await stores.Queue.ReceiveAsync("q", Lease, TestContext.Current.CancellationToken))!.DequeueCount);
    }

    [Fact]
    public async Task Queues_AreIndependent_AndPeekDoesNotReceive()
    {
        var stores = await CreateStoresAsync();
        await stores.Queue.SendAsync("a", "for a", TestContext.Current.CancellationToken);
        await stores.Queue.SendAsync("b", "for b", TestContext.Current.CancellationToken);

        Assert.Equal("for b", Assert.Single(await stores.Queue.PeekAsync("b", 10, TestContext.Current.CancellationToken)).Body);
        Assert.Equal("for a", (await stores.Queue.ReceiveAsync("a", Lease, TestContext.Current.CancellationToken))!.Body);
        Assert.Null(await stores.Queue.ReceiveAsync("a", Lease, TestContext.Current.CancellationToken));
        Assert.Equal(0, Assert.Single(await stores.Queue.PeekAsync("b", 10, TestContext.Current.CancellationToken)).DequeueCount);
    }
}
