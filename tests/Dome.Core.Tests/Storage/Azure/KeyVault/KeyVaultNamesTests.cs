using Dome.Storage.Azure.KeyVault;

namespace Dome.Core.Tests.Storage.Azure.KeyVault;

public sealed class KeyVaultNamesTests
{
    [Theory]
    [InlineData("tnt_a", "zd", "dome-secret--tnt-5fa--zd")]
    [InlineData("tnt_0197", "a.b-c_d", "dome-secret--tnt-5f0197--a-2eb-2dc-5fd")]
    [InlineData("t", "Ünïcode", "dome-secret--t---c3-9cn-c3-afcode")]
    public void Secret_EncodesToKeyVaultAlphabet(string tenant, string name, string expected)
    {
        var encoded = KeyVaultNames.Secret(tenant, name);

        Assert.Equal(expected, encoded);
        Assert.Matches("^[0-9a-z-]{1,127}$", encoded);
        Assert.Equal(name, KeyVaultNames.Decode(encoded, KeyVaultNames.TenantPrefix(tenant)));
    }

    [Fact]
    public void Secret_PairsThatLookAlike_StayDistinct()
    {
        (string Tenant, string Name)[] pairs =
        [
            ("a", "b-c"), ("a", "b_c"), ("a-b", "c"), ("a", "-b-c"), ("a_b", "c"), ("a", "B"), ("a", "b"), ("a", "b--c"), ("a-", "-b"), ("a", "2d"),
        ];

        var names = pairs.Select(p => KeyVaultNames.Secret(p.Tenant, p.Name)).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Decode_OtherTenantsOrForeignNames_ReturnsNull()
    {
        var name = KeyVaultNames.Secret("tnt_a", "zd");

        Assert.Null(KeyVaultNames.Decode(name, KeyVaultNames.TenantPrefix("tnt_b")));
        Assert.Null(KeyVaultNames.Decode(name, KeyVaultNames.TenantPrefix("tnt")));
        Assert.Null(KeyVaultNames.Decode("my-own-secret", KeyVaultNames.SecretPrefix));
        Assert.Null(KeyVaultNames.Decode(KeyVaultNames.SigningKey("abc"), KeyVaultNames.SecretPrefix));
    }

    [Fact]
    public void Secret_TooLongOnceEncoded_ThrowsNamingTheSecret()
    {
        var failure = Assert.Throws<ArgumentException>(() => KeyVaultNames.Secret("tnt_a", new string('_', 40)));

        Assert.Contains("too long for key vault", failure.Message, StringComparison.Ordinal);
        Assert.Contains("of tenant `tnt_a`", failure.Message, StringComparison.Ordinal);
    }
}
