using Dome.Core.Secrets;
using Dome.Core.Tests.Storage.Sqlite;
using Dome.Storage.Azure.KeyVault;
using Dome.Testing.KeyVault;

namespace Dome.Core.Tests.Storage.Azure.KeyVault;

/// <summary>
/// The shared secret-store contract on the Key Vault adapter. No Key Vault emulator exists, so the adapter's real
/// <c>SecretClient</c> talks HTTPS to <see cref="KeyVaultStandIn"/>, an in-process server speaking Key Vault's REST
/// protocol (challenge, bearer token, secrets, versions, soft delete, recovery) on loopback.
/// </summary>
public sealed class KeyVaultSecretStoreTests : SecretStoreContract, IAsyncDisposable
{
    private const string Secret = "sk_live_4f9a1c2e7b_THE_SECRET";

    private KeyVaultStandIn? standIn;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (standIn is not null)
        {
            await standIn.DisposeAsync();
        }
    }

    // The contract exercises only Secrets; the catalog here is SQLite's because Key Vault holds no catalog.
    protected override async Task<CatalogStores> CreateStoresAsync() => new()
    {
        Catalog = SqliteCatalogStores.Create().Stores.Catalog,
        Secrets = await StoreAsync(),
    };

    [Fact]
    public async Task Set_FirstCall_AnswersTheChallengeThenUsesTheBearerToken()
    {
        var store = await StoreAsync();

        await store.SetAsync("tnt_a", "zd", new SecretValue(Secret), TestData.Epoch, Ct);
        await store.GetAsync("tnt_a", "zd", Ct);

        Assert.Equal(1, standIn!.Challenges);
        Assert.True(standIn.Credential.Issued >= 1);
        Assert.Equal(0, standIn.Refused);
    }

    [Fact]
    public async Task Set_StoresUnderTheEncodedName_TaggedWithTenantAndName()
    {
        var store = await StoreAsync();

        await store.SetAsync("tnt_a", "zendesk.api-key", new SecretValue(Secret), TestData.Epoch, Ct);

        Assert.Equal(["dome-secret--tnt-5fa--zendesk-2eapi-2dkey"], standIn!.Vault.Names());
        Assert.Equal(Secret, standIn.Vault.LatestValue("dome-secret--tnt-5fa--zendesk-2eapi-2dkey"));
    }

    [Fact]
    public async Task Delete_SoftDeletes_SetAgainRecoversAndCountsAsCreated()
    {
        var store = await StoreAsync();
        await store.SetAsync("tnt_a", "zd", new SecretValue("old"), TestData.Epoch, Ct);

        Assert.True(await store.DeleteAsync("tnt_a", "zd", Ct));
        Assert.True(standIn!.Vault.IsSoftDeleted("dome-secret--tnt-5fa--zd"));
        Assert.Null(await store.GetAsync("tnt_a", "zd", Ct));

        Assert.True(await store.SetAsync("tnt_a", "zd", new SecretValue("new"), TestData.Epoch.AddDays(1), Ct));
        Assert.Equal("new", (await store.GetAsync("tnt_a", "zd", Ct))!.Reveal());
        var info = Assert.Single(await store.ListAsync("tnt_a", Ct));
        Assert.Equal((TestData.Epoch.AddDays(1), TestData.Epoch.AddDays(1)), (info.CreatedAt, info.UpdatedAt));
    }

    [Fact]
    public async Task List_FollowsNextLinkAcrossPages()
    {
        var store = await StoreAsync();
        foreach (var name in new[] { "e", "d", "c", "b", "a" })
        {
            await store.SetAsync("tnt_a", name, new SecretValue("v-" + name), TestData.Epoch, Ct);
        }

        await store.SetAsync("tnt_b", "x", new SecretValue("other tenant"), TestData.Epoch, Ct);

        Assert.Equal(["a", "b", "c", "d", "e"], (await store.ListAsync("tnt_a", Ct)).Select(s => s.Name));
    }

    [Fact]
    public async Task Get_WithAnotherCredential_ThrowsSecretStoreException_WithoutTheValue()
    {
        var store = await StoreAsync();
        await store.SetAsync("tnt_a", "zd", new SecretValue(Secret), TestData.Epoch, Ct);
        var stranger = new KeyVaultSecretStore(new global::Azure.Security.KeyVault.Secrets.SecretClient(
            standIn!.VaultUri,
            new StandInCredential(standIn.Resource, "not-the-vaults-token"),
            standIn.Options(maxRetries: 0)));

        var failure = await Assert.ThrowsAsync<SecretStoreException>(async () => await stranger.GetAsync("tnt_a", "zd", Ct));

        Assert.Contains("status 401", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.ToString(), StringComparison.Ordinal);
        Assert.True(standIn.Refused >= 1);
    }

    [Fact]
    public async Task Get_VaultUnreachable_ThrowsSecretStoreException()
    {
        var store = await StoreAsync();
        await store.SetAsync("tnt_a", "zd", new SecretValue(Secret), TestData.Epoch, Ct);
        await standIn!.DisposeAsync();
        standIn = null;

        var failure = await Assert.ThrowsAsync<SecretStoreException>(async () => await store.GetAsync("tnt_a", "zd", Ct));

        Assert.Contains("`zd` of tenant `tnt_a`", failure.Message, StringComparison.Ordinal);
    }

    private async Task<ISecretStore> StoreAsync()
    {
        standIn ??= await KeyVaultStandIn.StartAsync(Ct);
        return new KeyVaultSecretStore(standIn.Client(maxRetries: 0));
    }
}
