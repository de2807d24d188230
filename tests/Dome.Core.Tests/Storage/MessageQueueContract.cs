namespace Dome.Core.Tests.Storage;

/// <summary>
/// What every <see cref="Core.Queues.IMessageQueue"/> must do (Storage Queue semantics). Each adapter inherits this
/// once. Queue names are unique per test (valid Storage Queue names), so adapters on a shared server do not meet.
/// Time passes through <see cref="StoreSet.LetTimePass"/>: a manual clock for the embedded queue, real waiting for
/// a server that keeps its own time (an adapter on one overrides <see cref="Lease"/> and <see cref="Margin"/>).
/// </summary>
public abstract class MessageQueueContract
{
    private readonly string queue = Unique("q");
    private readonly string queueA = Unique("a");
    private readonly string queueB = Unique("b");

    /// <summary>The visibility timeout the tests receive with.</summary>
    protected virtual TimeSpan Lease => TimeSpan.FromSeconds(30);

    /// <summary>How long before a deadline the tests check that a message is still hidden.</summary>
    protected virtual TimeSpan Margin => TimeSpan.FromSeconds(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<StoreSet> CreateStoresAsync();

    [Fact]
    public async Task Receive_FirstInFirstOut_AndCountsDeliveries()
    {
        var stores = await CreateStoresAsync();
        await stores.Queue.SendAsync(queue, "one", Ct);
        await stores.Queue.SendAsync(queue, "two", Ct);

        var first = await stores.Queue.ReceiveAsync(queue, Lease, Ct);
        var second = await stores.Queue.ReceiveAsync(queue, Lease, Ct);

        Assert.Equal(("one", 1), (first!.Body, first.DequeueCount));
        Assert.Equal(("two", 1), (second!.Body, second.DequeueCount));
        Assert.Null(await stores.Queue.ReceiveAsync(queue, Lease, Ct));
    }

    [Fact]
    public async Task ReceiveMany_TakesAtMostMax_EachMessageOnce()
    {
        var stores = await CreateStoresAsync();
        foreach (var body in new[] { "one", "two", "three", "four", "five" })
        {
            await stores.Queue.SendAsync(queue, body, Ct);
        }

        var first = await stores.Queue.ReceiveManyAsync(queue, 3, Lease, Ct);
        var rest = await stores.Queue.ReceiveManyAsync(queue, 10, Lease, Ct);

        Assert.Equal(3, first.Count);
        Assert.Equal(["five", "four", "one", "three", "two"], first.Concat(rest).Select(m => m.Body).Order(StringComparer.Ordinal));
        Assert.All(first.Concat(rest), m => Assert.Equal(1, m.DequeueCount));
        Assert.Equal(5, first.Concat(rest).Select(m => m.Id).Distinct().Count());
        Assert.Empty(await stores.Queue.ReceiveManyAsync(queue, 10, Lease, Ct));
    }

    [Fact]
    public async Task DeleteMany_DeletesOnlyMessagesWhoseReceiptStillMatches()
    {
        var stores = await CreateStoresAsync();
        foreach (var body in new[] { "a", "b", "c" })
        {
            await stores.Queue.SendAsync(queue, body, Ct);
        }

        var received = await stores.Queue.ReceiveManyAsync(queue, 3, Lease, Ct);
        Assert.True(await stores.Queue.ReleaseAsync(queue, received[1].Id, received[1].PopReceipt, Lease, Ct));

        Assert.Equal(2, await stores.Queue.DeleteManyAsync(queue, received, Ct));
        Assert.Equal(1, await stores.Queue.CountAsync(queue, Ct));
        Assert.Equal(0, await stores.Queue.DeleteManyAsync(queue, [], Ct));
        await stores.LetTimePassAsync(Lease + Margin);
        Assert.Equal(received[1].Body, (await stores.Queue.ReceiveAsync(queue, Lease, Ct))!.Body);
    }

    [Fact]
    public async Task Receive_HidesMessageUntilLeaseLapses_ThenRedeliversWithHigherCount()
    {
        var stores = await CreateStoresAsync();
        await stores.Queue.SendAsync(queue, "body", Ct);
        var first = await stores.Queue.ReceiveAsync(queue, Lease, Ct);

        await stores.LetTimePassAsync(Lease - Margin);
        Assert.Null(await stores.Queue.ReceiveAsync(queue, Lease, Ct));
        await stores.LetTimePassAsync(Margin + TimeSpan.FromSeconds(1));
        var again = await stores.Queue.ReceiveAsync(queue, Lease, Ct);

        Assert.Equal(first!.Id, again!.Id);
        Assert.Equal(2, again.DequeueCount);
        Assert.NotEqual(first.PopReceipt, again.PopReceipt);
    }

    [Fact]
    public async Task Delete_NeedsCurrentPopReceipt()
    {
        var stores = await CreateStoresAsync();
        await stores.Queue.SendAsync(queue, "body", Ct);
        var first = await stores.Queue.ReceiveAsync(queue, TimeSpan.Zero, Ct);
        var second = await stores.Queue.ReceiveAsync(queue, Lease, Ct);

        Assert.False(await stores.Queue.DeleteAsync(queue, first!.Id, first.PopReceipt, Ct));
        Assert.Equal(1, await stores.Queue.CountAsync(queue, Ct));
        Assert.True(await stores.Queue.DeleteAsync(queue, second!.Id, second.PopReceipt, Ct));
        Assert.Equal(0, await stores.Queue.CountAsync(queue, Ct));
    }

    [Fact]
    public async Task Release_MakesMessageVisibleAfterDelay()
    {
        var stores = await CreateStoresAsync();
        await stores.Queue.SendAsync(queue, "body", Ct);
        var message = await stores.Queue.ReceiveAsync(queue, Lease, Ct);
        var delay = Margin + TimeSpan.FromSeconds(4);

        Assert.True(await stores.Queue.ReleaseAsync(queue, message!.Id, message.PopReceipt, delay, Ct));
        Assert.Null(await stores.Queue.ReceiveAsync(queue, Lease, Ct));
        await stores.LetTimePassAsync(delay + TimeSpan.FromSeconds(1));

        Assert.Equal(2, (await stores.Queue.ReceiveAsync(queue, Lease, Ct))!.DequeueCount);
    }

    [Fact]
    public async Task Queues_AreIndependent_AndPeekDoesNotReceive()
    {
        var stores = await CreateStoresAsync();
        await stores.Queue.SendAsync(queueA, "for a", Ct);
        await stores.Queue.SendAsync(queueB, "for b", Ct);

        Assert.Equal("for b", Assert.Single(await stores.Queue.PeekAsync(queueB, 10, Ct)).Body);
        Assert.Equal("for a", (await stores.Queue.ReceiveAsync(queueA, Lease, Ct))!.Body);
        Assert.Null(await stores.Queue.ReceiveAsync(queueA, Lease, Ct));
        Assert.Equal(0, Assert.Single(await stores.Queue.PeekAsync(queueB, 10, Ct)).DequeueCount);
    }

    [Fact]
    public async Task Send_UnicodeAndJsonBodies_ComeBackExactly()
    {
        var stores = await CreateStoresAsync();
        const string body = """{"kind":"audit","text":"ünïcödé ✓ <tag> & \"quotes\"","n":1}""";
        await stores.Queue.SendAsync(queue, body, Ct);

        Assert.Equal(body, Assert.Single(await stores.Queue.PeekAsync(queue, 10, Ct)).Body);
        Assert.Equal(body, (await stores.Queue.ReceiveAsync(queue, Lease, Ct))!.Body);
    }

    [Fact]
    public async Task ReadingAQueueNeverSentTo_FindsNothing()
    {
        var stores = await CreateStoresAsync();

        Assert.Null(await stores.Queue.ReceiveAsync(queue, Lease, Ct));
        Assert.Empty(await stores.Queue.PeekAsync(queue, 10, Ct));
        Assert.Equal(0, await stores.Queue.CountAsync(queue, Ct));
    }

    private static string Unique(string name) => $"t{Guid.NewGuid():N}"[..20] + "-" + name;
}
