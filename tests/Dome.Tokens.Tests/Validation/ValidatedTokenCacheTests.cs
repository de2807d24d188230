using Dome.Tokens.Keys;
using Dome.Tokens.Validation;

namespace Dome.Tokens.Tests.Validation;

/// <summary>
/// The cache of verified signatures: a remembered token is good only while its lifetime holds and the key that
/// signed it is still published (a key dropped from the JWKS ends its tokens at once, cached or not).
/// </summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);
    private static readonly SigningKey Signer = SigningKey.Create(new DateTimeOffset(Now));
    private static readonly SigningKey Other = SigningKey.Create(new DateTimeOffset(Now));

    [Fact]
    public void TryGet_SigningKeyStillPublished_Hits()
    {
        var cache = new ValidatedTokenCache();
        var key = ValidatedTokenCache.KeyOf("token-a", "dome");
        cache.Add(key, Claims(Signer.Kid, Now.AddMinutes(10)), Now);

        Assert.True(cache.TryGet(key, [Other, Signer], Now, Skew, out var claims));
        Assert.Equal("jti-1", claims.TokenId);
    }

    [Fact]
    public void TryGet_SigningKeyNoLongerPublished_MissesAndForgetsTheToken()
    {
        var cache = new ValidatedTokenCache();
        var key = ValidatedTokenCache.KeyOf("token-a", "dome");
        cache.Add(key, Claims(Signer.Kid, Now.AddMinutes(10)), Now);

        Assert.False(cache.TryGet(key, [Other], Now, Skew, out _));

        // Forgotten: even if the key came back, the token must be verified again from scratch.
        Assert.False(cache.TryGet(key, [Signer], Now, Skew, out _));
    }

    [Fact]
    public void TryGet_ExpiredBeyondSkew_Misses_WithinSkew_Hits()
    {
        var cache = new ValidatedTokenCache();
        var key = ValidatedTokenCache.KeyOf("token-a", "dome");
        cache.Add(key, Claims(Signer.Kid, Now), Now);

        Assert.True(cache.TryGet(key, [Signer], Now + Skew - TimeSpan.FromSeconds(1), Skew, out _));
        Assert.False(cache.TryGet(key, [Signer], Now + Skew + TimeSpan.FromSeconds(1), Skew, out _));
    }

    [Fact]
    public void KeyOf_SameTokenOtherAudience_DiffersAndNeverHoldsTheToken()
    {
        var forDome = ValidatedTokenCache.KeyOf("secret-token-value", "dome");

        Assert.NotEqual(forDome, ValidatedTokenCache.KeyOf("secret-token-value", "other"));
        Assert.DoesNotContain("secret-token-value", forDome, StringComparison.Ordinal);
    }

    private static ValidatedClaims Claims(string kid, DateTime expiresAt) => new()
    {
        TenantId = "tnt_1",
        User = null,
        ChainIds = ["agt_1"],
        TokenId = "jti-1",
        Audience = "dome",
        KeyId = kid,
        ExpiresAt = expiresAt,
        NotBefore = DateTime.MinValue,
    };
}
