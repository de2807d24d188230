namespace Dome.Core.Tests.Storage;

/// <summary>What every <see cref="Core.Storage.ITenantStore"/> must do. Each adapter inherits this once.</summary>
public abstract class TenantStoreContract
{
    protected abstract Task<StoreSet> CreateStoresAsync();

    [Fact]
    public async Task CreateTenant_NewName_StoresTenantWorkspaceAndKey()
    {
        var stores = await CreateStoresAsync();
        var tenant = TestData.Tenant("acme");

        Assert.True(await stores.Tenants.CreateTenantAsync(tenant, TestData.Workspace(tenant.Id), TestData.AdminKey(tenant.Id, "k1"), TestContext.Current.CancellationToken));

        Assert.Equal(tenant, await stores.Tenants.FindTenantByNameAsync("acme", TestContext.Current.CancellationToken));
        Assert.Equal(tenant, await stores.Tenants.FindTenantAsync(tenant.Id, TestContext.Current.CancellationToken));
        Assert.Equal("default", Assert.Single(await stores.Tenants.ListWorkspacesAsync(tenant.Id, TestContext.Current.CancellationToken)).Name);
        Assert.Equal(TestData.AdminKey(tenant.Id, "k1"), await stores.Tenants.FindKeyAsync("k1", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CreateTenant_DuplicateName_ReturnsFalseAndKeepsFirst()
    {
        var stores = await CreateStoresAsync();
        var first = TestData.Tenant("acme");
        await stores.Tenants.CreateTenantAsync(first, TestData.Workspace(first.Id), TestData.AdminKey(first.Id, "k1"), TestContext.Current.CancellationToken);
        var second = first with { Id = "tnt_other" };

        Assert.False(await stores.Tenants.CreateTenantAsync(second, TestData.Workspace(second.Id), TestData.AdminKey(second.Id, "k2"), TestContext.Current.CancellationToken));

        Assert.Equal(first.Id, Assert.Single(await stores.Tenants.ListTenantsAsync(TestContext.Current.CancellationToken)).Id);
        Assert.Null(await stores.Tenants.FindKeyAsync("k2", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CreateWorkspace_DuplicateInTenant_ReturnsFalse_SameNameInOtherTenant_Succeeds()
    {
        var stores = await CreateStoresAsync();
        foreach (var name in new[] { "a", "b" })
        {
            var tenant = TestData.Tenant(name);
            await stores.Tenants.CreateTenantAsync(tenant, TestData.Workspace(tenant.Id), TestData.AdminKey(tenant.Id, "k" + name), TestContext.Current.CancellationToken);
        }

        Assert.True(await stores.Tenants.CreateWorkspaceAsync(TestData.Workspace("tnt_a", "ops"), TestContext.Current.CancellationToken));
        Assert.False(await stores.Tenants.CreateWorkspaceAsync(TestData.Workspace("tnt_a", "ops"), TestContext.Current.CancellationToken));
        Assert.True(await stores.Tenants.CreateWorkspaceAsync(TestData.Workspace("tnt_b", "ops"), TestContext.Current.CancellationToken));
        Assert.Equal(["default", "ops"], (await stores.Tenants.ListWorkspacesAsync("tnt_a", TestContext.Current.CancellationToken)).Select(w => w.Name));
        Assert.Null(await stores.Tenants.FindWorkspaceAsync("tnt_a", "missing", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FindKey_Unknown_ReturnsNull()
    {
        var stores = await CreateStoresAsync();
        Assert.Null(await stores.Tenants.FindKeyAsync("nope", TestContext.Current.CancellationToken));
        Assert.Null(await stores.Tenants.FindTenantByNameAsync("nope", TestContext.Current.CancellationToken));
    }
}
