using Dome.Cedar.Extensions;

namespace Dome.Cedar.Tests.Extensions;

// Expectations below were checked by hand against the reference, @cedar-policy/cedar-wasm 4.13.0
// (epoch values read back with `.durationSince(datetime("1970-01-01"))` through isAuthorizedPartial).
public sealed class CedarDateTimeTests
{
    [Theory]
    [InlineData("1970-01-01", 0L)]
    [InlineData("2024-01-01", 1_704_067_200_000L)]
    [InlineData("2024-01-01T00:00:00Z", 1_704_067_200_000L)]
    [InlineData("2024-01-01T00:00:00.000Z", 1_704_067_200_000L)]
    [InlineData("2024-01-01T00:00:00+0000", 1_704_067_200_000L)]
    [InlineData("2024-01-01T00:00:00-0000", 1_704_067_200_000L)]
    [InlineData("2024-01-01T01:30:00+0130", 1_704_067_200_000L)]
    [InlineData("2024-01-01T00:00:00.123+0130", 1_704_061_800_123L)]
    [InlineData("1969-12-31T23:59:59.999Z", -1L)]
    [InlineData("0000-01-01", -62_167_219_200_000L)]
    [InlineData("0000-01-01T00:00:00+2359", -62_167_305_540_000L)]
    [InlineData("9999-12-31T23:59:59.999-2359", 253_402_387_139_999L)]
    [InlineData("2024-02-29", 1_709_164_800_000L)]
    [InlineData("2000-02-29", 951_782_400_000L)]
    [InlineData("2024-01-01T00:00:00+2359", 1_703_980_860_000L)]
    public void TryParse_Accepted_GivesEpochMilliseconds(string text, long expected)
    {
        Assert.True(CedarDateTime.TryParse(text, out var value, out var error), error);
        Assert.Equal(expected, value.EpochMilliseconds);
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00.00Z", "does not end with")]
    [InlineData("2024-01-01T00:00:00.0000Z", "does not end with")]
    [InlineData("2024-01-01T00:00:00+01:30", "does not end with")]
    [InlineData("2024-01-01T00:00:00", "does not end with")]
    [InlineData("2024-01-01T00:00:00z", "does not end with")]
    [InlineData("2024-01-01T00:00:00Z ", "does not end with")]
    [InlineData("2024-01-01T00:00:00.1Z", "does not end with")]
    [InlineData("2024-01-01T00:00:00.+0000", "does not end with")]
    [InlineData("2024-01-01T00:00:00+000", "does not end with")]
    [InlineData("2024-01-01T00:00:00+00000", "does not end with")]
    [InlineData("2024-01-01T00:00:00.123", "does not end with")]
    [InlineData("2024-01-01T00:00:00.123Z5", "does not end with")]
    [InlineData("2024-01-01T00:00:00+2400", "invalid offset range `+2400`")]
    [InlineData("2024-01-01T00:00:00+9999", "invalid offset range `+9999`")]
    [InlineData("2024-01-01T00:00:00+0060", "invalid offset range `+0060`")]
    [InlineData("2024-01-01T00:00:00-1299", "invalid offset range `-1299`")]
    [InlineData("2024-01-01T00:00Z", "has no time")]
    [InlineData("2024-01-01t00:00:00Z", "has no time")]
    [InlineData("2024-01-01 00:00:00Z", "has no time")]
    [InlineData("2024-01-01T0:00:00Z", "has no time")]
    [InlineData("2024-01-01T", "has no time")]
    [InlineData("2024-01-01X", "has no time")]
    [InlineData("2024-01-01T24:00:00Z", "invalid time `24:00:00`")]
    [InlineData("2024-01-01T23:59:60Z", "invalid time `23:59:60`")]
    [InlineData("2024-01-01T23:60:00Z", "invalid time `23:60:00`")]
    [InlineData("2023-02-29", "invalid date `2023-02-29`")]
    [InlineData("1900-02-29", "invalid date `1900-02-29`")]
    [InlineData("2024-04-31", "invalid date `2024-04-31`")]
    [InlineData("2024-02-30", "invalid date `2024-02-30`")]
    [InlineData("2024-13-01", "invalid date `2024-13-01`")]
    [InlineData("2024-00-01", "invalid date `2024-00-01`")]
    [InlineData("2024-01-00", "invalid date `2024-01-00`")]
    [InlineData("10000-01-01", "does not start with a date")]
    [InlineData("-0001-01-01", "does not start with a date")]
    [InlineData("+2024-01-01", "does not start with a date")]
    [InlineData("2024-1-01", "does not start with a date")]
    [InlineData("2024-01-1", "does not start with a date")]
    [InlineData("\u0662\u0660\u0662\u0664-01-01", "does not start with a date")]
    [InlineData("", "does not start with a date")]
    public void TryParse_Rejected_SaysWhy(string text, string expectedFragment)
    {
        Assert.False(CedarDateTime.TryParse(text, out _, out var error));
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, 3_600_000L, 3_600_000L)]
    [InlineData(1_704_067_200_000L, -86_400_000L, 1_703_980_800_000L)]
    [InlineData(0L, long.MaxValue, long.MaxValue)]
    [InlineData(-1L, long.MinValue + 1, long.MinValue)]
    public void TryOffset_InRange_AddsDuration(long epoch, long duration, long expected)
    {
        Assert.True(CedarDateTime.FromEpochMilliseconds(epoch).TryOffset(CedarDuration.FromMilliseconds(duration), out var result));
        Assert.Equal(expected, result.EpochMilliseconds);
    }

    [Theory]
    [InlineData(1_704_067_200_000L, long.MaxValue)]
    [InlineData(long.MinValue, -1L)]
    [InlineData(-1L, long.MinValue)]
    public void TryOffset_Overflow_ReturnsFalse(long epoch, long duration) =>
        Assert.False(CedarDateTime.FromEpochMilliseconds(epoch).TryOffset(CedarDuration.FromMilliseconds(duration), out _));

    [Theory]
    [InlineData("2024-01-01", "2023-01-01", 31_536_000_000L)]
    [InlineData("2024-01-01", "2025-01-01T01:02:03.004Z", -31_626_123_004L)]
    public void TryDurationSince_GivesDifference(string left, string right, long expected)
    {
        Assert.True(Parse(left).TryDurationSince(Parse(right), out var result));
        Assert.Equal(expected, result.Milliseconds);
    }

    [Theory]
    [InlineData(long.MinValue, 1L)]
    [InlineData(long.MaxValue, -1L)]
    public void TryDurationSince_Overflow_ReturnsFalse(long left, long right) =>
        Assert.False(CedarDateTime.FromEpochMilliseconds(left).TryDurationSince(CedarDateTime.FromEpochMilliseconds(right), out _));

    [Theory]
    [InlineData(-43_200_000L, -86_400_000L, 43_200_000L)]
    [InlineData(-86_400_000L, -86_400_000L, 0L)]
    [InlineData(-1L, -86_400_000L, 86_399_999L)]
    [InlineData(1_704_097_800_123L, 1_704_067_200_000L, 30_600_123L)]
    [InlineData(-62_167_305_540_000L, -62_167_305_600_000L, 60_000L)]
    [InlineData(long.MaxValue, 9_223_372_036_828_800_000L, 25_975_807L)]
    [InlineData(-9_223_372_036_800_000_000L, -9_223_372_036_828_800_000L, 28_800_000L)]
    [InlineData(-9_223_372_036_800_000_001L, -9_223_372_036_828_800_000L, 28_799_999L)]
    public void ToDateAndToTime_SplitAtUtcMidnight(long epoch, long expectedDate, long expectedTime)
    {
        var value = CedarDateTime.FromEpochMilliseconds(epoch);
        Assert.True(value.TryToDate(out var date));
        Assert.Equal(expectedDate, date.EpochMilliseconds);
        Assert.Equal(expectedTime, value.ToTime().Milliseconds);
    }

    [Theory]
    [InlineData(long.MinValue, 60_424_192L)]
    [InlineData(long.MinValue + 1, 60_424_193L)]
    public void TryToDate_BelowRange_ReturnsFalseButToTimeWorks(long epoch, long expectedTime)
    {
        var value = CedarDateTime.FromEpochMilliseconds(epoch);
        Assert.False(value.TryToDate(out _));
        Assert.Equal(expectedTime, value.ToTime().Milliseconds);
    }

    [Theory]
    [InlineData("2024-01-01", "2024-01-02", -1)]
    [InlineData("2024-01-01T01:30:00+0130", "2024-01-01", 0)]
    [InlineData("2024-01-01", "2024-01-01T00:00:00Z", 0)]
    [InlineData("2024-01-01T00:00:00.001Z", "2024-01-01", 1)]
    public void Comparisons_OrderByInstant(string left, string right, int expectedSign)
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
    [InlineData("2024-01-01", "2024-01-01T00:00:00.000Z")]
    [InlineData("2024-01-01T00:00:00.123+0130", "2023-12-31T22:30:00.123Z")]
    [InlineData("0000-01-01", "0000-01-01T00:00:00.000Z")]
    [InlineData("1969-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z")]
    [InlineData("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z")]
    public void ToString_GivesIsoFormThatParsesBack(string text, string expected)
    {
        var value = Parse(text);
        Assert.Equal(expected, value.ToString());
        Assert.Equal(value, Parse(value.ToString()));
    }

    [Fact]
    public void ToString_YearOutsideLiteralRange_FallsBackToReferenceExpression()
    {
        var value = CedarDateTime.FromEpochMilliseconds(-62_167_305_540_000L);
        Assert.False(value.TryFormatIso(out _));
        Assert.Equal("datetime(\"1970-01-01\").offset(duration(\"-62167305540000ms\"))", value.ToString());
    }

    private static CedarDateTime Parse(string text)
    {
        Assert.True(CedarDateTime.TryParse(text, out var value, out var error), error);
        return value;
    }
}
