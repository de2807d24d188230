using Dome.Core.Security;

namespace Dome.Core.Tests.Security;

public sealed class SecretKeyTests
{
    [Fact]
    public void Create_HasPrefixKeyIdAnd256BitSecret()
    {
        var key = SecretKey.Create(KeyPrefixes.ApiKey);

        Assert.StartsWith("dome_ak_" + key.KeyId + "_", key.Value, StringComparison.Ordinal);
        Assert.Equal(16, key.KeyId.Length);
        var secret = key.Value[("dome_ak_" + key.KeyId + "_").Length..];
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(secret).Length);
        Assert.DoesNotContain(secret, key.Hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TwoKeys_Differ()
    {
        var a = SecretKey.Create(KeyPrefixes.ApiKey);
        var b = SecretKey.Create(KeyPrefixes.ApiKey);
        Assert.NotEqual(a.KeyId, b.KeyId);
        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Fact]
    public void Matches_OnlyTheExactKey()
    {
        var key = SecretKey.Create(KeyPrefixes.AdminKey);
        Assert.True(SecretKey.Matches(key.Value, key.Hash));
        Assert.False(SecretKey.Matches(key.Value + "x", key.Hash));
        Assert.False(SecretKey.Matches(key.Value, "not-hex"));
    }

    [Theory]
    [InlineData("dome_ak_0123456789abcdef_secret", "dome_ak", "0123456789abcdef")]
    [InlineData("dome_ak_0123456789abcdef_se_cr_et", "dome_ak", "0123456789abcdef")]
    [InlineData("dome_adm_0123456789abcdef_s", "dome_ak", null)]
    [InlineData("dome_ak_short_secret", "dome_ak", null)]
    [InlineData("dome_ak_0123456789abcdef_", "dome_ak", null)]
    [InlineData("", "dome_ak", null)]
    [InlineData(null, "dome_ak", null)]
    public void TryParse_FindsKeyIdOnlyInWellFormedKeys(string? presented, string prefix, string? keyId)
    {
        Assert.Equal(keyId is not null, SecretKey.TryParse(presented, prefix, out var found));
        Assert.Equal(keyId, found);
    }
}
