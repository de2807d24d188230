using Dome.Storage.Azure.Tables;

namespace Dome.Core.Tests.Storage.Azure.Tables;

public sealed class TableKeyTests
{
    [Theory]
    [InlineData("plain-name_1.2")]
    [InlineData("a/b\\c#d?e")]
    [InlineData("tilde~and|pipe")]
    [InlineData("tab\tnew\nline\u007f")]
    [InlineData("wide\u0085\u2028")]
    [InlineData("~7C")]
    [InlineData("")]
    public void Encode_AnyString_DecodesBackAndIsAValidKey(string value)
    {
        var key = TableKey.Encode(value);
        TableKey.Validate(key, "RowKey");
        Assert.DoesNotContain('|', key);
        Assert.Equal(value, TableKey.Decode(key));
    }

    [Fact]
    public void Encode_SafeString_IsUnchanged()
    {
        Assert.Equal("tnt_abc-DEF.1 x'y", TableKey.Encode("tnt_abc-DEF.1 x'y"));
    }

    [Fact]
    public void Join_PartsWithSeparator_NeverCollide()
    {
        Assert.NotEqual(TableKey.Join("a|b", "c"), TableKey.Join("a", "b|c"));
        Assert.Equal("name|a~7Cb|c", TableKey.Join("name", "a|b", "c"));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("a\u0001b")]
    public void Validate_ForbiddenCharacter_ThrowsNamingIt(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => new TableEntity("p", key));
        Assert.Contains("RowKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot hold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooLong_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new TableEntity(new string('p', TableKey.MaxLength + 1), "r"));
        Assert.Contains("at most 512", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Claim_LongValue_IsBoundedAndStable()
    {
        var issuer = "https://idp.example.com/" + new string('x', 1000);
        var claim = TableKey.Claim(issuer);
        Assert.StartsWith("~h", claim, StringComparison.Ordinal);
        Assert.Equal(66, claim.Length);
        Assert.Equal(claim, TableKey.Claim(issuer));
        Assert.NotEqual(claim, TableKey.Claim(issuer + "y"));
        Assert.Equal(TableKey.Encode("https://short"), TableKey.Claim("https://short"));
    }

    [Fact]
    public void Decode_BadEscape_Throws()
    {
        Assert.Throws<FormatException>(() => TableKey.Decode("a~Zb"));
    }
}
