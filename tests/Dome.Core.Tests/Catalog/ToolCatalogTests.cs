using Dome.Core.Catalog;
using Dome.Core.Tests.Storage;
using Dome.Core.Tests.Storage.Sqlite;

namespace Dome.Core.Tests.Catalog;

public sealed class ToolCatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Find_CachesUntilExpiry_EvictForgetsAtOnce()
    {
        var stores = SqliteCatalogStores.Create().Stores;
        var time = new ManualTimeProvider(TestData.Epoch);
        var catalog = new ToolCatalog(stores.Catalog, time);
        await stores.Catalog.CreateConnectionAsync(CatalogData.Connection("tnt_a", "zendesk"), Ct);
        await stores.Catalog.CreateToolAsync(CatalogData.Tool("tnt_a", "zendesk", "t"), Ct);
        var name = new ToolName("zendesk", "t");

        var found = await catalog.FindAsync("tnt_a", name, Ct);
        await stores.Catalog.DeleteToolAsync("tnt_a", "zendesk", "t", Ct);

        Assert.Equal("zendesk/t", found!.Tool.FullName);
        Assert.NotNull(await catalog.FindAsync("tnt_a", name, Ct));
        Assert.Null(await catalog.FindAsync("tnt_b", name, Ct));
        time.Advance(catalog.CacheFor);
        Assert.Null(await catalog.FindAsync("tnt_a", name, Ct));

        await stores.Catalog.CreateToolAsync(CatalogData.Tool("tnt_a", "zendesk", "t"), Ct);
        Assert.Null(await catalog.FindAsync("tnt_a", name, Ct));
        catalog.Evict("tnt_a");
        Assert.NotNull(await catalog.FindAsync("tnt_a", name, Ct));
    }

    [Fact]
    public async Task Find_StoredSchemaThatDoesNotCompile_Throws()
    {
        var stores = SqliteCatalogStores.Create().Stores;
        var catalog = new ToolCatalog(stores.Catalog, new ManualTimeProvider(TestData.Epoch));
        await stores.Catalog.CreateConnectionAsync(CatalogData.Connection("tnt_a", "zendesk"), Ct);
        await stores.Catalog.CreateToolAsync(CatalogData.Tool("tnt_a", "zendesk", "t") with { InputSchema = """{"type":"object","properties":{"a":{"$ref":"#/x"}}}""" }, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await catalog.FindAsync("tnt_a", new ToolName("zendesk", "t"), Ct));
    }
}
