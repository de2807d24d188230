using Dome.Cedar.Extensions;

namespace Dome.Cedar.Tests.Extensions;

// Expectations below were checked by hand against the reference, @cedar-policy/cedar-wasm 4.13.0
// (evaluating `duration(...)` expressions through isAuthorized / isAuthorizedPartial).
public sealed class CedarDurationTests
{
    [Theory]
    [InlineData("1d2h3m4s5ms", 93_784_005L)]
    [InlineData("-1d2h3m4s5ms", -93_784_005L)]
    [InlineData("-1d", -86_400_000L)]
    [InlineData("1m1ms", 60_001L)]
    [InlineData("-0ms", 0L)]
    [InlineData("0d", 0L)]
    [InlineData("0001d", 86_400_000L)]
    [InlineData("2h", 7_200_000L)]
    [InlineData("90m", 5_400_000L)]
    [InlineData("9223372036854775807ms", long.MaxValue)]
    [InlineData("-9223372036854775808ms", long.MinValue)]
    [InlineData("-9223372036854775807ms", -9_223_372_036_854_775_807L)]
    [InlineData("106751991167d", 9_223_372_036_828_800_000L)]
    [InlineData("106751991167d7h12m55s807ms", long.MaxValue)]
    [InlineData("-106751991167d7h12m55s808ms", long.MinValue)]
    public void TryParse_WellFormed_GivesMilliseconds(string text, long expected)
    {
        Assert.True(CedarDuration.TryParse(text, out var value, out var error), error);
        Assert.Equal(expected, value.ToMilliseconds());
    }

    [Theory]
    [InlineData("1ms1d")]
    [InlineData("1h1h")]
    [InlineData("1s1m")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1")]
    [InlineData("d")]
    [InlineData("1D")]
    [InlineData("+1d")]
    [InlineData("--1d")]
    [InlineData("1d-2h")]
    [InlineData("1d ")]
    [InlineData("1.5h")]
    [InlineData("\u0661d")]
    [InlineData("1y")]
    [InlineData("1w")]
    [InlineData("1x")]
    [InlineData("1d2")]
    [InlineData("1msx")]
    public void TryParse_BadPattern_Fails(string text)
    {
        Assert.False(CedarDuration.TryParse(text, out _, out var error));
        Assert.Contains("not a valid duration pattern", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9223372036854775808ms")]
    [InlineData("-9223372036854775809ms")]
    [InlineData("99999999999999999999999ms")]
    [InlineData("106751991168d")]
    [InlineData("106751991167d7h12m55s808ms")]
    [InlineData("-106751991167d7h12m55s809ms")]
    public void TryParse_TooLarge_GivesOverflow(string text)
    {
        Assert.False(CedarDuration.TryParse(text, out _, out var error));
        Assert.Equal(CedarDuration.OverflowMessage, error);
    }

    [Fact]
    public void TryParse_OverflowThenBadPattern_ReportsPattern()
    {
        Assert.False(CedarDuration.TryParse("99999999999999999999999ms1d", out _, out var error));
        Assert.Contains("pattern", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1ms", 0L, 0L, 0L, 0L)]
    [InlineData("-86399999ms", -86_399L, -1_439L, -23L, 0L)]
    [InlineData("-86400001ms", -86_400L, -1_440L, -24L, -1L)]
    [InlineData("-90m", -5_400L, -90L, -1L, 0L)]
    [InlineData("-90s", -90L, -1L, 0L, 0L)]
    [InlineData("-1500ms", -1L, 0L, 0L, 0L)]
    [InlineData("1500ms", 1L, 0L, 0L, 0L)]
    [InlineData("36h", 129_600L, 2_160L, 36L, 1L)]
    [InlineData("9223372036854775807ms", 9_223_372_036_854_775L, 153_722_867_280_912L, 2_562_047_788_015L, 106_751_991_167L)]
    public void Conversions_TruncateTowardZero(string text, long seconds, long minutes, long hours, long days)
    {
        var value = Parse(text);
        Assert.Equal(seconds, value.ToSeconds());
        Assert.Equal(minutes, value.ToMinutes());
        Assert.Equal(hours, value.ToHours());
        Assert.Equal(days, value.ToDays());
    }

    [Theory]
    [InlineData("1h", "2h", -1)]
    [InlineData("60m", "1h", 0)]
    [InlineData("-1ms", "0ms", -1)]
    [InlineData("1d", "23h59m59s999ms", 1)]
    public void Comparisons_OrderByLength(string left, string right, int expectedSign)
    {
        var a = Parse(left);
        var b = Parse(right);
        Assert.Equal(expectedSign, Math.Sign(a.CompareTo(b)));
        Assert.Equal(expectedSign == 0, a == b);
        Assert.Equal(expectedSign < 0, a < b);
        Assert.Equal(expectedSign <= 0, a <= b);
        Assert.Equal(expectedSign > 0, a > b);
        Assert.Equal(expectedSign >= 0, a >= b);
    }

    [Theory]
    [InlineData("0d", "0ms")]
    [InlineData("1d2h3m4s5ms", "1d2h3m4s5ms")]
    [InlineData("90m", "1h30m")]
    [InlineData("-90m", "-1h30m")]
    [InlineData("1000ms", "1s")]
    [InlineData("9223372036854775807ms", "106751991167d7h12m55s807ms")]
    [InlineData("-9223372036854775808ms", "-106751991167d7h12m55s808ms")]
    public void ToString_GivesCanonicalFormThatParsesBack(string text, string expected)
    {
        var value = Parse(text);
        Assert.Equal(expected, value.ToString());
        Assert.Equal(value, Parse(value.ToString()));
    }

    [Fact]
    public void TryAdd_Overflow_ReturnsFalse()
    {
        Assert.False(CedarDuration.FromMilliseconds(long.MaxValue).TryAdd(CedarDuration.FromMilliseconds(1), out _));
        Assert.True(CedarDuration.FromMilliseconds(long.MinValue).TryAdd(CedarDuration.FromMilliseconds(1), out var sum));
        Assert.Equal(long.MinValue + 1, sum.Milliseconds);
    }

    private static CedarDuration Parse(string text)
    {
        Assert.True(CedarDuration.TryParse(text, out var value, out var error), error);
        return value;
    }
}
