using Dome.Core.Identity;

namespace Dome.Core.Tests.Storage;

/// <summary>What every identity provider and token event store must do. Each adapter inherits this once.</summary>
public abstract class IdentityStoreContract
{
    protected abstract Task<StoreSet> CreateStoresAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task IdentityProviders_AddFindListRemove_RoundTrips()
    {
        var stores = await TenantsAsync("acme");
        var corp = Provider("tnt_acme", "corp", "https://idp.example.com");
        var lab = Provider("tnt_acme", "lab", "https://lab.example.com") with { JwksUri = null, Jwks = """{"keys":[]}""", CustomerClaim = "org_id" };

        Assert.True(await stores.IdentityProviders.AddAsync(corp, Ct));
        Assert.True(await stores.IdentityProviders.AddAsync(lab, Ct));

        Assert.Equal(corp, await stores.IdentityProviders.FindByIssuerAsync("tnt_acme", "https://idp.example.com", Ct));
        Assert.Equal([corp, lab], await stores.IdentityProviders.ListAsync("tnt_acme", Ct));
        Assert.True(await stores.IdentityProviders.RemoveAsync("tnt_acme", "corp", Ct));
        Assert.False(await stores.IdentityProviders.RemoveAsync("tnt_acme", "corp", Ct));
        Assert.Null(await stores.IdentityProviders.FindByIssuerAsync("tnt_acme", "https://idp.example.com", Ct));
        Assert.Equal([lab], await stores.IdentityProviders.ListAsync("tnt_acme", Ct));
    }

    [Fact]
    public async Task IdentityProviders_SameNameOrIssuerInTenant_Refused_InAnotherTenant_Allowed()
    {
        var stores = await TenantsAsync("acme", "other");
        await stores.IdentityProviders.AddAsync(Provider("tnt_acme", "corp", "https://idp.example.com"), Ct);

        Assert.False(await stores.IdentityProviders.AddAsync(Provider("tnt_acme", "corp", "https://else.example.com"), Ct));
        Assert.False(await stores.IdentityProviders.AddAsync(Provider("tnt_acme", "corp2", "https://idp.example.com"), Ct));
        Assert.True(await stores.IdentityProviders.AddAsync(Provider("tnt_other", "corp", "https://idp.example.com"), Ct));
        Assert.Null(await stores.IdentityProviders.FindByIssuerAsync("tnt_acme", "https://else.example.com", Ct));
        Assert.Equal("tnt_other", (await stores.IdentityProviders.FindByIssuerAsync("tnt_other", "https://idp.example.com", Ct))!.TenantId);
    }

    [Fact]
    public async Task TokenEvents_Append_ListsNewestFirst()
    {
        var stores = await CreateStoresAsync();
        var issued = new TokenEvent { Id = "tev_1", Kind = TokenEventKind.Issued, TenantId = "tnt_acme", AgentId = "agt_1", KeyId = "k1", Detail = "jti-1", Reason = null, At = TestData.Epoch };
        var refused = new TokenEvent { Id = "tev_2", Kind = TokenEventKind.Refused, TenantId = null, AgentId = null, KeyId = null, Detail = "invalid_grant", Reason = "invalid_api_key", At = TestData.Epoch.AddSeconds(1) };

        await stores.TokenEvents.AppendAsync(issued, Ct);
        await stores.TokenEvents.AppendAsync(refused, Ct);

        Assert.Equal([refused, issued], await stores.TokenEvents.ListRecentAsync(10, Ct));
        Assert.Equal([refused], await stores.TokenEvents.ListRecentAsync(1, Ct));
    }

    private async Task<StoreSet> TenantsAsync(params string[] names)
    {
        var stores = await CreateStoresAsync();
        foreach (var name in names)
        {
            var tenant = TestData.Tenant(name);
            await stores.Tenants.CreateTenantAsync(tenant, TestData.Workspace(tenant.Id), TestData.AdminKey(tenant.Id, "k-" + name), Ct);
        }

        return stores;
    }

    private static IdentityProvider Provider(string tenantId, string name, string issuer) => new()
    {
        TenantId = tenantId,
        Name = name,
        Issuer = issuer,
        JwksUri = new Uri(issuer + "/keys"),
        Jwks = null,
        Audience = "app",
        CreatedAt = TestData.Epoch,
    };
}
