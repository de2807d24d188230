using Dome.Storage.Azure.KeyVault;
using Dome.Testing.KeyVault;
using Dome.Tokens.Keys;

namespace Dome.Core.Tests.Storage.Azure.KeyVault;

/// <summary>
/// The signing-key store contract on the Key Vault adapter, against <see cref="KeyVaultStandIn"/> (no Key Vault
/// emulator exists: an in-process HTTPS server speaking Key Vault's REST protocol stands in for it).
/// </summary>
public sealed class KeyVaultSigningKeyStoreTests : SigningKeyStoreContract, IAsyncDisposable
{
    private KeyVaultStandIn? standIn;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (standIn is not null)
        {
            await standIn.DisposeAsync();
        }
    }

    protected override async Task<(ISigningKeyStore First, ISigningKeyStore Second)> CreateStoresAsync()
    {
        standIn ??= await KeyVaultStandIn.StartAsync(Ct);
        return (new KeyVaultSigningKeyStore(standIn.Client()), new KeyVaultSigningKeyStore(standIn.Client()));
    }

    [Fact]
    public async Task Save_OneSecretPerKey_TaggedWithStatus_UnchangedKeysNotRewritten()
    {
        var (store, _) = await CreateStoresAsync();
        var old = SigningKey.Create(TestData.Epoch);
        var current = SigningKey.Create(TestData.Epoch.AddHours(1));
        await store.SaveAsync([old, current], Ct);
        var retired = old with { RetiredAt = TestData.Epoch.AddHours(1), PublishedUntil = TestData.Epoch.AddHours(2) };

        await store.SaveAsync([retired, current], Ct);

        Assert.Equal(
            new[] { "dome-signing--" + old.Kid, "dome-signing--" + current.Kid }.Order(StringComparer.Ordinal),
            standIn!.Vault.Names());
        var client = standIn.Client();
        var oldSecret = (await client.GetSecretAsync("dome-signing--" + old.Kid, cancellationToken: Ct)).Value;
        Assert.Equal("retired", oldSecret.Properties.Tags[KeyVaultSigningKeyStore.StatusTag]);
        var versions = new List<string>();
        await foreach (var version in client.GetPropertiesOfSecretVersionsAsync("dome-signing--" + current.Kid, Ct))
        {
            versions.Add(version.Version);
        }

        Assert.Single(versions);
    }
}
