using Dome.Testing;
using Dome.Tokens.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dome.Tokens.Tests.Keys;

public sealed class SigningKeyRingTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    private readonly TempDirectory directory = new();
    private readonly ManualTimeProvider time = new(Start);
    private readonly LocalSigningKeyStore store;

    public SigningKeyRingTests() =>
        store = new LocalSigningKeyStore(new EphemeralDataProtectionProvider(), Path.Combine(directory.Path, LocalSigningKeyStore.FileName));

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task CurrentAsync_NothingStored_CreatesAndStoresOneKey()
    {
        var ring = Ring();

        var current = await ring.CurrentAsync(Ct);

        var stored = Assert.Single(await store.LoadAsync(Ct));
        Assert.Equal((current.Kid, Start, (DateTimeOffset?)null), (stored.Kid, stored.CreatedAt, stored.RetiredAt));
        Assert.Equal(current.Kid, (await Ring().CurrentAsync(Ct)).Kid);
    }

    [Fact]
    public async Task RotateAsync_OldKeyPublishedUntilItsLastTokenExpired_ThenDropped()
    {
        var ring = Ring();
        var first = await ring.CurrentAsync(Ct);

        var second = await ring.RotateAsync(Ct);

        Assert.Equal(second.Kid, (await ring.CurrentAsync(Ct)).Kid);
        Assert.Equal([second.Kid, first.Kid], (await ring.PublishedAsync(Ct)).Select(k => k.Kid));
        var retired = (await ring.PublishedAsync(Ct))[1];
        Assert.Equal((Start, Start + TokenOptions.MaxLifetime + Skew), (retired.RetiredAt, retired.PublishedUntil));

        time.Advance(TokenOptions.MaxLifetime + Skew - TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await ring.PublishedAsync(Ct)).Count);

        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([second.Kid], (await ring.PublishedAsync(Ct)).Select(k => k.Kid));

        var third = await ring.RotateAsync(Ct);
        Assert.Equal([second.Kid, third.Kid], (await store.LoadAsync(Ct)).Select(k => k.Kid));
    }

    [Fact]
    public async Task LocalStore_FileHoldsNoPrivateKey_AndAnotherKeyRingCannotReadIt()
    {
        var key = SigningKey.Create(Start);
        await store.SaveAsync([key], Ct);
        var path = Path.Combine(directory.Path, LocalSigningKeyStore.FileName);
        var file = await File.ReadAllTextAsync(path, Ct);
        var d = key.Key.ExportParameters(includePrivateParameters: true).D!;

        Assert.DoesNotContain(Convert.ToBase64String(d), file, StringComparison.Ordinal);
        Assert.DoesNotContain(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(d), file, StringComparison.Ordinal);
        Assert.Equal(key.Kid, Assert.Single(await store.LoadAsync(Ct)).Kid);
        var stranger = new LocalSigningKeyStore(new EphemeralDataProtectionProvider(), path);
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => stranger.LoadAsync(Ct));
    }

    private SigningKeyRing Ring() =>
        new(store, time, Options.Create(new TokenOptions { ClockSkew = Skew }), NullLogger<SigningKeyRing>.Instance);
}
