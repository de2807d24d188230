using System.Security.Cryptography;
using System.Text;
using Dome.Tokens.Keys;

namespace Dome.Core.Tests.Storage;

/// <summary>What every <see cref="ISigningKeyStore"/> must do. Each adapter inherits this once.</summary>
public abstract class SigningKeyStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two stores over the same storage, as two processes would see it.</summary>
    protected abstract Task<(ISigningKeyStore First, ISigningKeyStore Second)> CreateStoresAsync();

    [Fact]
    public async Task Load_NothingSaved_ReturnsEmpty()
    {
        var (store, _) = await CreateStoresAsync();

        Assert.Empty(await store.LoadAsync(Ct));
    }

    [Fact]
    public async Task Save_ThenLoadElsewhere_RoundTripsKeysTimesAndPrivateKeys()
    {
        var (store, other) = await CreateStoresAsync();
        var retired = SigningKey.Create(TestData.Epoch) with { RetiredAt = TestData.Epoch.AddHours(1), PublishedUntil = TestData.Epoch.AddHours(2) };
        var current = SigningKey.Create(TestData.Epoch.AddHours(1));

        await store.SaveAsync([retired, current], Ct);
        var loaded = await other.LoadAsync(Ct);

        Assert.Equal(
            [(retired.Kid, retired.CreatedAt, retired.RetiredAt, retired.PublishedUntil), (current.Kid, current.CreatedAt, null, null)],
            loaded.Select(k => (k.Kid, k.CreatedAt, k.RetiredAt, k.PublishedUntil)));
        var data = Encoding.UTF8.GetBytes("header.payload");
        Assert.True(current.Key.VerifyData(data, loaded[1].Key.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
        Assert.True(loaded[0].Key.VerifyData(data, retired.Key.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
        Assert.False(loaded[0].Key.VerifyData(data, current.Key.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
    }

    [Fact]
    public async Task Save_ReplacesTheWholeList_DroppedKeysAreGone()
    {
        var (store, other) = await CreateStoresAsync();
        var first = SigningKey.Create(TestData.Epoch);
        var second = SigningKey.Create(TestData.Epoch.AddHours(1));
        await store.SaveAsync([first, second], Ct);

        var third = SigningKey.Create(TestData.Epoch.AddHours(2));
        await store.SaveAsync([second with { RetiredAt = TestData.Epoch.AddHours(2), PublishedUntil = TestData.Epoch.AddHours(3) }, third], Ct);

        var loaded = await other.LoadAsync(Ct);
        Assert.Equal([second.Kid, third.Kid], loaded.Select(k => k.Kid));
        Assert.Equal((DateTimeOffset?)TestData.Epoch.AddHours(2), loaded[0].RetiredAt);
        Assert.Null(loaded[1].RetiredAt);
    }

    [Fact]
    public async Task SigningKeyRing_RotatedInOneProcess_IsSeenByTheNext()
    {
        var (store, other) = await CreateStoresAsync();
        var time = new ManualTimeProvider(TestData.Epoch);
        var ring = Ring(store, time);
        var first = await ring.CurrentAsync(Ct);
        var second = await ring.RotateAsync(Ct);

        var restarted = Ring(other, time);

        Assert.Equal(second.Kid, (await restarted.CurrentAsync(Ct)).Kid);
        Assert.Equal([second.Kid, first.Kid], (await restarted.PublishedAsync(Ct)).Select(k => k.Kid));
    }

    private static SigningKeyRing Ring(ISigningKeyStore store, TimeProvider time) => new(
        store,
        time,
        Microsoft.Extensions.Options.Options.Create(new Dome.Tokens.TokenOptions()),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<SigningKeyRing>.Instance);
}
