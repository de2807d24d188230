using System.Globalization;

namespace Dome.Cedar.Extensions;

/// <summary>Cedar's <c>datetime</c> extension value: signed 64-bit milliseconds since the Unix epoch (UTC).</summary>
/// <remarks>
/// Parsing lives in <c>CedarDateTime.Parsing.cs</c>. Offsets and differences are checked: an
/// overflow is reported by a <c>false</c> result, never by an exception.
/// </remarks>
internal readonly partial struct CedarDateTime : IEquatable<CedarDateTime>, IComparable<CedarDateTime>
{
    private CedarDateTime(long epochMilliseconds) => EpochMilliseconds = epochMilliseconds;

    /// <summary>Milliseconds since 1970-01-01T00:00:00Z.</summary>
    public long EpochMilliseconds { get; }

    /// <summary>Builds a datetime from milliseconds since the epoch.</summary>
    public static CedarDateTime FromEpochMilliseconds(long epochMilliseconds) => new(epochMilliseconds);

    /// <summary>Cedar's <c>offset</c>: this datetime moved by <paramref name="duration"/>; false on overflow.</summary>
    public bool TryOffset(CedarDuration duration, out CedarDateTime result)
    {
        var ok = !long.IsNegative(duration.Milliseconds)
            ? EpochMilliseconds <= long.MaxValue - duration.Milliseconds
            : EpochMilliseconds >= long.MinValue - duration.Milliseconds;
        result = ok ? new CedarDateTime(EpochMilliseconds + duration.Milliseconds) : default;
        return ok;
    }

    /// <summary>Cedar's <c>durationSince</c>: this datetime minus <paramref name="other"/>; false on overflow.</summary>
    public bool TryDurationSince(CedarDateTime other, out CedarDuration result)
    {
        var difference = (Int128)EpochMilliseconds - other.EpochMilliseconds;
        var ok = difference >= long.MinValue && difference <= long.MaxValue;
        result = ok ? CedarDuration.FromMilliseconds((long)difference) : default;
        return ok;
    }

    /// <summary>
    /// Cedar's <c>toDate</c>: midnight (UTC) of this datetime's day, rounding down for times before
    /// the epoch; false when that midnight is below the 64-bit range.
    /// </summary>
    public bool TryToDate(out CedarDateTime result)
    {
        var floored = (Int128)EpochMilliseconds - Remainder(EpochMilliseconds);
        var ok = floored >= long.MinValue;
        result = ok ? new CedarDateTime((long)floored) : default;
        return ok;
    }

    /// <summary>Cedar's <c>toTime</c>: the time since midnight (UTC) of this datetime's day, never negative.</summary>
    public CedarDuration ToTime() => CedarDuration.FromMilliseconds(Remainder(EpochMilliseconds));

    /// <summary>The message Cedar-style callers report when <see cref="TryOffset"/> fails.</summary>
    public string OffsetOverflowMessage(CedarDuration duration) =>
        $"overflow when adding the offset `{duration}` to `{this}`";

    /// <summary>The message Cedar-style callers report when <see cref="TryDurationSince"/> fails.</summary>
    public string DurationSinceOverflowMessage(CedarDateTime other) =>
        $"overflow when computing the duration between `{this}` and `{other}`";

    /// <summary>The message Cedar-style callers report when <see cref="TryToDate"/> fails.</summary>
    public string ToDateOverflowMessage() => $"overflow when computing the date of `{this}`";

    /// <inheritdoc />
    public bool Equals(CedarDateTime other) => EpochMilliseconds == other.EpochMilliseconds;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CedarDateTime other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => EpochMilliseconds.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(CedarDateTime other) => EpochMilliseconds.CompareTo(other.EpochMilliseconds);

    /// <summary>
    /// Formats as <c>YYYY-MM-DDThh:mm:ss.SSSZ</c> when the year is 0000-9999 (the only years a
    /// <c>datetime</c> literal can spell); false for values outside, which only offsets can reach.
    /// </summary>
    public bool TryFormatIso(out string text)
    {
        var days = Math.DivRem(EpochMilliseconds - Remainder(EpochMilliseconds), CedarDuration.MillisecondsPerDay).Quotient;
        CivilFromDays(days, out var year, out var month, out var day);
        if (year is < 0 or > 9999)
        {
            text = string.Empty;
            return false;
        }

        var time = Remainder(EpochMilliseconds);
        var hour = time / CedarDuration.MillisecondsPerHour;
        var minute = time / CedarDuration.MillisecondsPerMinute % 60;
        var second = time / CedarDuration.MillisecondsPerSecond % 60;
        var millisecond = time % 1000;
        text = string.Create(
            CultureInfo.InvariantCulture,
            $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}.{millisecond:D3}Z");
        return true;
    }

    /// <summary>
    /// The ISO form (see <see cref="TryFormatIso"/>) when it exists; otherwise the reference's
    /// expression form <c>datetime("1970-01-01").offset(duration("Nms"))</c>.
    /// </summary>
    public override string ToString() =>
        TryFormatIso(out var iso) ? iso : ToCedarExpression();

    /// <summary>The form the reference prints for computed datetimes: <c>datetime("1970-01-01").offset(duration("Nms"))</c>.</summary>
    public string ToCedarExpression() =>
        string.Create(CultureInfo.InvariantCulture, $"datetime(\"1970-01-01\").offset(duration(\"{EpochMilliseconds}ms\"))");

    public static bool operator ==(CedarDateTime left, CedarDateTime right) => left.Equals(right);

    public static bool operator !=(CedarDateTime left, CedarDateTime right) => !left.Equals(right);

    public static bool operator <(CedarDateTime left, CedarDateTime right) => left.EpochMilliseconds < right.EpochMilliseconds;

    public static bool operator <=(CedarDateTime left, CedarDateTime right) => left.EpochMilliseconds <= right.EpochMilliseconds;

    public static bool operator >(CedarDateTime left, CedarDateTime right) => left.EpochMilliseconds > right.EpochMilliseconds;

    public static bool operator >=(CedarDateTime left, CedarDateTime right) => left.EpochMilliseconds >= right.EpochMilliseconds;

    /// <summary>Milliseconds since midnight, in [0, one day).</summary>
    private static long Remainder(long epochMilliseconds)
    {
        var remainder = epochMilliseconds % CedarDuration.MillisecondsPerDay;
        return remainder < 0 ? remainder + CedarDuration.MillisecondsPerDay : remainder;
    }

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil algorithm).</summary>
    internal static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - era * 400;
        var dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    /// <summary>The proleptic Gregorian date of a day count since 1970-01-01.</summary>
    internal static void CivilFromDays(long days, out long year, out int month, out int day)
    {
        days += 719468;
        var era = (days >= 0 ? days : days - 146096) / 146097;
        var dayOfEra = days - era * 146097;
        var yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var monthIndex = (5 * dayOfYear + 2) / 153;
        day = (int)(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        month = (int)(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    }
}
