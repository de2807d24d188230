using Dome.Cedar.Extensions;

namespace Dome.Cedar.Tests.Extensions;

// Expectations below were checked by hand against the reference, @cedar-policy/cedar-wasm 4.13.0
// (evaluating `decimal(...)` expressions through isAuthorized / isAuthorizedPartial).
public sealed class CedarDecimalTests
{
    [Theory]
    [InlineData("1.5", 15_000L)]
    [InlineData("-0.5", -5_000L)]
    [InlineData("-0.5000", -5_000L)]
    [InlineData("-0.0", 0L)]
    [InlineData("0.0", 0L)]
    [InlineData("01.50", 15_000L)]
    [InlineData("-0.0001", -1L)]
    [InlineData("1.0005", 10_005L)]
    [InlineData("00000000000000000000000000001.0", 10_000L)]
    [InlineData("922337203685477.5807", long.MaxValue)]
    [InlineData("-922337203685477.5808", long.MinValue)]
    [InlineData("-922337203685477.0", -9_223_372_036_854_770_000L)]
    public void TryParse_WellFormed_GivesScaledValue(string text, long expected)
    {
        Assert.True(CedarDecimal.TryParse(text, out var value, out var error), error);
        Assert.Equal(expected, value.ScaledValue);
    }

    [Theory]
    [InlineData("+1.0", "`+1.0` is not a well-formed decimal value")]
    [InlineData("1.", "`1.` is not a well-formed decimal value")]
    [InlineData(".5", "`.5` is not a well-formed decimal value")]
    [InlineData("-.5", "`-.5` is not a well-formed decimal value")]
    [InlineData("1", "`1` is not a well-formed decimal value")]
    [InlineData("-922337203685477", "`-922337203685477` is not a well-formed decimal value")]
    [InlineData("1.0 ", "`1.0 ` is not a well-formed decimal value")]
    [InlineData(" 1.0", "` 1.0` is not a well-formed decimal value")]
    [InlineData("1,0", "`1,0` is not a well-formed decimal value")]
    [InlineData("--1.0", "`--1.0` is not a well-formed decimal value")]
    [InlineData("1e3", "`1e3` is not a well-formed decimal value")]
    [InlineData("1.2.3", "`1.2.3` is not a well-formed decimal value")]
    [InlineData("", "`` is not a well-formed decimal value")]
    [InlineData("1.23456", "too many digits after the decimal in `1.23456`")]
    [InlineData("1.00000", "too many digits after the decimal in `1.00000`")]
    [InlineData("922337203685477.58079", "too many digits after the decimal in `922337203685477.58079`")]
    [InlineData("1.1234\u0665", "too many digits after the decimal in `1.1234\u0665`")]
    [InlineData("1.\u0665\u0665\u0665", "too many digits after the decimal in `1.\u0665\u0665\u0665`")]
    [InlineData("922337203685477.5808", CedarDecimal.OverflowMessage)]
    [InlineData("-922337203685477.5809", CedarDecimal.OverflowMessage)]
    [InlineData("922337203685478.0", CedarDecimal.OverflowMessage)]
    [InlineData("99999999999999999999.12345", CedarDecimal.OverflowMessage)]
    [InlineData("\u0661.12345", CedarDecimal.OverflowMessage)]
    [InlineData("\u0661.5", CedarDecimal.OverflowMessage)]
    [InlineData("1.\u0665", CedarDecimal.OverflowMessage)]
    [InlineData("1.\u0665\u0665", CedarDecimal.OverflowMessage)]
    [InlineData("1.\U0001D7CE", CedarDecimal.OverflowMessage)]
    public void TryParse_Rejected_GivesReferenceError(string text, string expectedError)
    {
        Assert.False(CedarDecimal.TryParse(text, out _, out var error));
        Assert.Equal(expectedError, error);
    }

    [Theory]
    [InlineData("1.23", "1.2300", true)]
    [InlineData("-0.0", "0.0", true)]
    [InlineData("1.0001", "1.0", false)]
    public void Equals_ComparesNumericValue(string left, string right, bool expected)
    {
        Assert.Equal(expected, Parse(left) == Parse(right));
        Assert.Equal(expected, Parse(left).Equals(Parse(right)));
        Assert.Equal(!expected, Parse(left) != Parse(right));
    }

    [Theory]
    [InlineData("1.5", "2.0", true, true, false, false)]
    [InlineData("1.0", "1.0", false, true, false, true)]
    [InlineData("-0.5", "0.0", true, true, false, false)]
    [InlineData("2.0", "-2.0", false, false, true, true)]
    public void Comparisons_FollowNumericOrder(string left, string right, bool lt, bool le, bool gt, bool ge)
    {
        var a = Parse(left);
        var b = Parse(right);
        Assert.Equal(lt, a.LessThan(b));
        Assert.Equal(le, a.LessThanOrEqual(b));
        Assert.Equal(gt, a.GreaterThan(b));
        Assert.Equal(ge, a.GreaterThanOrEqual(b));
        Assert.Equal(Math.Sign(a.ScaledValue.CompareTo(b.ScaledValue)), Math.Sign(a.CompareTo(b)));
    }

    [Theory]
    [InlineData("1.5000", "1.5")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("12.0", "12.0")]
    [InlineData("1.0005", "1.0005")]
    [InlineData("-0.0001", "-0.0001")]
    [InlineData("922337203685477.5807", "922337203685477.5807")]
    [InlineData("-922337203685477.5808", "-922337203685477.5808")]
    public void ToString_GivesCanonicalFormThatParsesBack(string text, string expected)
    {
        var value = Parse(text);
        Assert.Equal(expected, value.ToString());
        Assert.Equal(value, Parse(value.ToString()));
    }

    [Fact]
    public void TryParse_TenMegabyteInput_FailsWithoutThrowing()
    {
        var huge = new string('9', 10_000_000) + ".5";
        Assert.False(CedarDecimal.TryParse(huge, out _, out var error));
        Assert.Equal(CedarDecimal.OverflowMessage, error);
    }

    private static CedarDecimal Parse(string text)
    {
        Assert.True(CedarDecimal.TryParse(text, out var value, out var error), error);
        return value;
    }
}
