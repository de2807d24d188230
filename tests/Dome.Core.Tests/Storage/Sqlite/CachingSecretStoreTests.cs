using Dome.Core.Secrets;

namespace Dome.Core.Tests.Storage.Sqlite;

/// <summary>
/// The gateway's secret cache over the real SQLite store: the shared store contract holds through it, and what only
/// a cache can get wrong — serving a value after it was replaced, or remembering an outage — does not happen.
/// </summary>
public sealed class CachingSecretStoreTests : SecretStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly ManualTimeProvider time = new(TestData.Epoch);

    protected override Task<CatalogStores> CreateStoresAsync()
    {
        var stores = SqliteCatalogStores.Create().Stores;
        return Task.FromResult(stores with { Secrets = new CachingSecretStore(stores.Secrets, time, TimeSpan.FromSeconds(30)) });
    }

    [Fact]
    public async Task Get_AfterSetThroughTheCache_ReturnsTheNewValueAtOnce()
    {
        var (cache, _) = Create();
        await cache.SetAsync("t1", "zd", new SecretValue("old"), TestData.Epoch, Ct);
        Assert.Equal("old", (await cache.GetAsync("t1", "zd", Ct))!.Reveal());

        await cache.SetAsync("t1", "zd", new SecretValue("new"), TestData.Epoch, Ct);

        Assert.Equal("new", (await cache.GetAsync("t1", "zd", Ct))!.Reveal());
    }

    [Fact]
    public async Task Get_AfterDeleteThroughTheCache_ReturnsNull()
    {
        var (cache, _) = Create();
        await cache.SetAsync("t1", "zd", new SecretValue("v"), TestData.Epoch, Ct);
        await cache.GetAsync("t1", "zd", Ct);

        await cache.DeleteAsync("t1", "zd", Ct);

        Assert.Null(await cache.GetAsync("t1", "zd", Ct));
    }

    [Fact]
    public async Task Get_ChangedBehindTheCache_SeenOnceTheTimeToLivePassed()
    {
        var (cache, inner) = Create();
        await cache.SetAsync("t1", "zd", new SecretValue("old"), TestData.Epoch, Ct);
        await cache.GetAsync("t1", "zd", Ct);

        // Another instance changes it in the shared store: this cache does not hear of it.
        await inner.SetAsync("t1", "zd", new SecretValue("new"), TestData.Epoch, Ct);
        Assert.Equal("old", (await cache.GetAsync("t1", "zd", Ct))!.Reveal());

        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("new", (await cache.GetAsync("t1", "zd", Ct))!.Reveal());
    }

    [Fact]
    public async Task Get_MissingThenSetBehindTheCache_SeenAtOnce()
    {
        var (cache, inner) = Create();
        Assert.Null(await cache.GetAsync("t1", "zd", Ct));

        await inner.SetAsync("t1", "zd", new SecretValue("v"), TestData.Epoch, Ct);

        Assert.Equal("v", (await cache.GetAsync("t1", "zd", Ct))!.Reveal());
    }

    private (CachingSecretStore Cache, ISecretStore Inner) Create()
    {
        var inner = SqliteCatalogStores.Create().Stores.Secrets;
        return (new CachingSecretStore(inner, time, TimeSpan.FromSeconds(30)), inner);
    }
}
