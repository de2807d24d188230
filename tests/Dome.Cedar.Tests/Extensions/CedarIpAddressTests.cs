using Dome.Cedar.Extensions;

namespace Dome.Cedar.Tests.Extensions;

// Expectations below were checked by hand against the reference, @cedar-policy/cedar-wasm 4.13.0
// (evaluating `ip(...)` expressions through isAuthorized).
public sealed class CedarIpAddressTests
{
    [Theory]
    [InlineData("10.0.0.1", false, 32)]
    [InlineData("0.0.0.0", false, 32)]
    [InlineData("10.0.0.1/24", false, 24)]
    [InlineData("10.0.0.1/0", false, 0)]
    [InlineData("255.255.255.255/32", false, 32)]
    [InlineData("::1", true, 128)]
    [InlineData("::", true, 128)]
    [InlineData("::/0", true, 0)]
    [InlineData("::1/99", true, 99)]
    [InlineData("1:2:3:4:5:6:7:8", true, 128)]
    [InlineData("1:2:3:4:5:6:7::", true, 128)]
    [InlineData("::1:2:3:4:5:6:7", true, 128)]
    [InlineData("1:2:3:4:5:6::7", true, 128)]
    [InlineData("0001::", true, 128)]
    [InlineData("ABCD::EF", true, 128)]
    public void TryParse_Accepted_GivesFamilyAndPrefix(string text, bool isIpv6, int prefix)
    {
        var value = Parse(text);
        Assert.Equal(isIpv6, value.IsIpv6);
        Assert.Equal(!isIpv6, value.IsIpv4);
        Assert.Equal(prefix, value.PrefixLength);
    }

    [Theory]
    [InlineData("010.0.0.1")]
    [InlineData("10.0.0.01")]
    [InlineData("10.0.0.256")]
    [InlineData("10.0.0")]
    [InlineData(" 10.0.0.1")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1.2.3.4.")]
    [InlineData("1..3.4")]
    [InlineData("+1.2.3.4")]
    [InlineData("1.2.3.4:80")]
    [InlineData("\u0661.2.3.4")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    [InlineData("1::2::3")]
    [InlineData("00001::")]
    [InlineData("fe80::1%eth0")]
    [InlineData("[::1]")]
    [InlineData("1:2:3:4:5:6:7:8::")]
    [InlineData("::1:2:3:4:5:6:7:8")]
    [InlineData("1::2:3:4:5:6:7:8")]
    [InlineData("1:2:3:4:5:6:7::8")]
    [InlineData("1:2:3:4:5:6:7:")]
    [InlineData(":1:2:3:4:5:6:7")]
    [InlineData(":::")]
    [InlineData("1:::2")]
    [InlineData(":")]
    [InlineData("")]
    [InlineData("::g")]
    public void TryParse_InvalidAddress_Fails(string text)
    {
        Assert.False(CedarIpAddress.TryParse(text, out _, out var error));
        Assert.Equal($"invalid ip address `{text}`", error);
    }

    [Theory]
    [InlineData("::ffff:1.2.3.4")]
    [InlineData("::1.2.3.4")]
    [InlineData("::1.2.3.4/8")]
    public void TryParse_EmbeddedIpv4_IsRefused(string text)
    {
        Assert.False(CedarIpAddress.TryParse(text, out _, out var error));
        Assert.Contains("embedded", error, StringComparison.Ordinal);
        Assert.Contains($"`{text}`", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.1/024", "error parsing prefix: string length 3 is too large")]
    [InlineData("10.0.0.1/24/3", "error parsing prefix: string length 4 is too large")]
    [InlineData("10.0.0.1/24a", "error parsing prefix: string length 3 is too large")]
    [InlineData("1.2.3.4/1:2", "error parsing prefix: string length 3 is too large")]
    [InlineData("1.2.3.4/\u0663\u0663", "error parsing prefix: string length 4 is too large")]
    [InlineData("::1/0128", "error parsing prefix: string length 4 is too large")]
    [InlineData("10.0.0.1/33", "error parsing prefix: 33 is larger than the limit 32")]
    [InlineData("::1/129", "error parsing prefix: 129 is larger than the limit 128")]
    [InlineData("10.0.0.1/", "error parsing prefix from the string ``: cannot parse integer from empty string")]
    [InlineData("10.0.0.1/+5", "error parsing prefix `+5`: encountered non-digit")]
    [InlineData("10.0.0.1/-0", "error parsing prefix `-0`: encountered non-digit")]
    [InlineData("10.0.0.1/2a", "error parsing prefix `2a`: encountered non-digit")]
    [InlineData("1.2.3.4/a", "error parsing prefix `a`: encountered non-digit")]
    [InlineData("1.2.3.4/\u0663", "error parsing prefix `\u0663`: encountered non-digit")]
    [InlineData("::1/1.2", "error parsing prefix `1.2`: encountered non-digit")]
    [InlineData("10.0.0.1/00", "error parsing prefix `00`: leading zero(s)")]
    [InlineData("::1/024", "error parsing prefix `024`: leading zero(s)")]
    [InlineData("10.0.0.01/24", "error parsing ip address from the string `10.0.0.01`: invalid ip address syntax")]
    [InlineData("10.0.0.01/33", "error parsing ip address from the string `10.0.0.01`: invalid ip address syntax")]
    [InlineData("a.b:c/99999", "error parsing ip address from the string `a.b:c`: invalid ip address syntax")]
    [InlineData("/24", "error parsing ip address from the string ``: invalid ip address syntax")]
    public void TryParse_BadPrefixOrAddress_GivesReferenceOrderedError(string text, string expected)
    {
        Assert.False(CedarIpAddress.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.255.0.1/16", true)]
    [InlineData("127.0.0.1/8", true)]
    [InlineData("127.0.0.1/7", false)]
    [InlineData("0.0.0.0/0", false)]
    [InlineData("::1", true)]
    [InlineData("::1/127", false)]
    [InlineData("::", false)]
    [InlineData("::ffff:7f00:1", false)]
    public void IsLoopback_FollowsReference(string text, bool expected) => Assert.Equal(expected, Parse(text).IsLoopback);

    [Theory]
    [InlineData("224.0.0.1", true)]
    [InlineData("239.255.255.255/4", true)]
    [InlineData("224.0.0.1/3", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("ff02::1", true)]
    [InlineData("ff02::1/8", true)]
    [InlineData("ff02::1/7", false)]
    [InlineData("fe02::1", false)]
    public void IsMulticast_FollowsReference(string text, bool expected) => Assert.Equal(expected, Parse(text).IsMulticast);

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.0/24", true)]
    [InlineData("10.0.0.0/24", "10.0.0.1/24", true)]
    [InlineData("10.0.0.0/23", "10.0.0.0/24", false)]
    [InlineData("10.0.0.0/25", "10.0.0.0/24", true)]
    [InlineData("10.0.1.0/25", "10.0.0.0/24", false)]
    [InlineData("10.0.0.1", "::/0", false)]
    [InlineData("::1", "0.0.0.0/0", false)]
    [InlineData("10.0.0.1", "10.0.0.1", true)]
    [InlineData("0.0.0.0/0", "1.2.3.4/0", true)]
    [InlineData("::1/0", "::/0", true)]
    [InlineData("::/1", "::/0", true)]
    [InlineData("2001:db8::1", "2001:db8::/32", true)]
    [InlineData("2001:db9::1", "2001:db8::/32", false)]
    public void IsInRange_TestsNetworkSubset(string value, string range, bool expected) =>
        Assert.Equal(expected, Parse(value).IsInRange(Parse(range)));

    [Theory]
    [InlineData("10.0.0.1/24", "10.0.0.1/24", true)]
    [InlineData("10.0.0.1/24", "10.0.0.0/24", false)]
    [InlineData("10.0.0.1", "10.0.0.1/32", true)]
    [InlineData("::1", "::1/128", true)]
    [InlineData("::1", "0:0::1", true)]
    [InlineData("0.0.0.0/0", "::/0", false)]
    public void Equals_IsStructural(string left, string right, bool expected)
    {
        Assert.Equal(expected, Parse(left) == Parse(right));
        if (expected)
        {
            Assert.Equal(Parse(left).GetHashCode(), Parse(right).GetHashCode());
        }
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("10.0.0.1/32", "10.0.0.1")]
    [InlineData("10.0.0.1/24", "10.0.0.1/24")]
    [InlineData("::", "::")]
    [InlineData("::1/128", "::1")]
    [InlineData("0:0:0:0:0:ffff:7f00:1", "::ffff:7f00:1")]
    [InlineData("ABCD:0:0:1:0:0:0:EF/64", "abcd:0:0:1::ef/64")]
    [InlineData("1:0:0:2:0:0:3:4", "1::2:0:0:3:4")]
    [InlineData("1:0:2:3:4:5:6:7", "1:0:2:3:4:5:6:7")]
    [InlineData("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0")]
    [InlineData("0001:0002::", "1:2::")]
    public void ToString_GivesCanonicalFormThatParsesBack(string text, string expected)
    {
        var value = Parse(text);
        Assert.Equal(expected, value.ToString());
        Assert.Equal(value, Parse(value.ToString()));
    }

    private static CedarIpAddress Parse(string text)
    {
        Assert.True(CedarIpAddress.TryParse(text, out var value, out var error), error);
        return value;
    }
}
