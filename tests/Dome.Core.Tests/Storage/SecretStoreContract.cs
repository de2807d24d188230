using Dome.Core.Secrets;

namespace Dome.Core.Tests.Storage;

/// <summary>What every <see cref="ISecretStore"/> must do. Each adapter inherits this once.</summary>
public abstract class SecretStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<CatalogStores> CreateStoresAsync();

    [Fact]
    public async Task Set_ThenGet_ReturnsTheValue_SecondSetReplaces()
    {
        var stores = await CreateStoresAsync();

        Assert.True(await stores.Secrets.SetAsync("tnt_a", "zd", new SecretValue("first-value"), TestData.Epoch, Ct));
        Assert.False(await stores.Secrets.SetAsync("tnt_a", "zd", new SecretValue("second-välue ✓"), TestData.Epoch.AddHours(1), Ct));

        Assert.Equal("second-välue ✓", (await stores.Secrets.GetAsync("tnt_a", "zd", Ct))!.Reveal());
        var info = Assert.Single(await stores.Secrets.ListAsync("tnt_a", Ct));
        Assert.Equal(("zd", TestData.Epoch, TestData.Epoch.AddHours(1)), (info.Name, info.CreatedAt, info.UpdatedAt));
    }

    [Fact]
    public async Task Get_Unknown_ReturnsNull()
    {
        var stores = await CreateStoresAsync();
        Assert.Null(await stores.Secrets.GetAsync("tnt_a", "nope", Ct));
    }

    [Fact]
    public async Task Secrets_AreScopedToTheirTenant()
    {
        var stores = await CreateStoresAsync();
        await stores.Secrets.SetAsync("tnt_a", "zd", new SecretValue("a-value"), TestData.Epoch, Ct);
        await stores.Secrets.SetAsync("tnt_b", "zd", new SecretValue("b-value"), TestData.Epoch, Ct);

        Assert.Equal("a-value", (await stores.Secrets.GetAsync("tnt_a", "zd", Ct))!.Reveal());
        Assert.Equal("b-value", (await stores.Secrets.GetAsync("tnt_b", "zd", Ct))!.Reveal());
        Assert.Null(await stores.Secrets.GetAsync("tnt_c", "zd", Ct));
        Assert.True(await stores.Secrets.DeleteAsync("tnt_b", "zd", Ct));
        Assert.False(await stores.Secrets.DeleteAsync("tnt_b", "zd", Ct));
        Assert.Equal("a-value", (await stores.Secrets.GetAsync("tnt_a", "zd", Ct))!.Reveal());
        Assert.Empty(await stores.Secrets.ListAsync("tnt_b", Ct));
    }

    [Fact]
    public async Task List_OrdersByName_WithoutValues()
    {
        var stores = await CreateStoresAsync();
        await stores.Secrets.SetAsync("tnt_a", "b", new SecretValue("vb"), TestData.Epoch, Ct);
        await stores.Secrets.SetAsync("tnt_a", "a", new SecretValue("va"), TestData.Epoch, Ct);

        var listed = await stores.Secrets.ListAsync("tnt_a", Ct);

        Assert.Equal(["a", "b"], listed.Select(s => s.Name));
        Assert.DoesNotContain("va", string.Join(" ", listed.Select(s => s.ToString())), StringComparison.Ordinal);
    }
}
