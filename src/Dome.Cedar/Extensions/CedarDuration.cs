using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Dome.Cedar.Extensions;

/// <summary>Cedar's <c>duration</c> extension value: a signed 64-bit count of milliseconds.</summary>
/// <remarks>
/// Literals are an optional <c>-</c> followed by at least one of <c>Nd</c>, <c>Nh</c>, <c>Nm</c>,
/// <c>Ns</c>, <c>Nms</c>, each at most once and in that order (e.g. <c>1d2h3m4s5ms</c>, <c>-1d</c>).
/// The sign applies to the whole; the total must fit in a signed 64-bit integer, so
/// <c>-9223372036854775808ms</c> is accepted. The <c>toX</c> conversions truncate toward zero.
/// </remarks>
internal readonly struct CedarDuration : IEquatable<CedarDuration>, IComparable<CedarDuration>
{
    public const long MillisecondsPerSecond = 1_000;
    public const long MillisecondsPerMinute = 60_000;
    public const long MillisecondsPerHour = 3_600_000;
    public const long MillisecondsPerDay = 86_400_000;

    /// <summary>The message of a literal whose total does not fit in 64 bits.</summary>
    public const string OverflowMessage = "duration overflows internal representation";

    private static readonly long[] UnitMilliseconds =
        [MillisecondsPerDay, MillisecondsPerHour, MillisecondsPerMinute, MillisecondsPerSecond, 1];

    private static readonly string[] UnitSuffixes = ["d", "h", "m", "s", "ms"];

    private CedarDuration(long milliseconds) => Milliseconds = milliseconds;

    /// <summary>The length in milliseconds.</summary>
    public long Milliseconds { get; }

    /// <summary>Builds a duration from milliseconds.</summary>
    public static CedarDuration FromMilliseconds(long milliseconds) => new(milliseconds);

    /// <summary>Cedar's <c>toMilliseconds</c>.</summary>
    public long ToMilliseconds() => Milliseconds;

    /// <summary>Cedar's <c>toSeconds</c> (truncates toward zero).</summary>
    public long ToSeconds() => Milliseconds / MillisecondsPerSecond;

    /// <summary>Cedar's <c>toMinutes</c> (truncates toward zero).</summary>
    public long ToMinutes() => Milliseconds / MillisecondsPerMinute;

    /// <summary>Cedar's <c>toHours</c> (truncates toward zero).</summary>
    public long ToHours() => Milliseconds / MillisecondsPerHour;

    /// <summary>Cedar's <c>toDays</c> (truncates toward zero).</summary>
    public long ToDays() => Milliseconds / MillisecondsPerDay;

    /// <summary>Parses a Cedar duration literal.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CedarDuration value) => TryParse(text, out value, out _);

    /// <summary>Parses a Cedar duration literal, giving a message when the text is rejected.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CedarDuration value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        var negative = text.Length > 0 && text[0] == '-';
        var i = negative ? 1 : 0;
        var nextUnit = 0;
        var overflow = false;
        Int128 total = 0;
        Int128 limit = negative ? -(Int128)long.MinValue : long.MaxValue;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && ExtensionText.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var digits = text[start..i];
            var unit = ReadUnit(text, ref i);
            if (digits.IsEmpty || unit < nextUnit)
            {
                return PatternError(text, out error);
            }

            nextUnit = unit + 1;
            if (!overflow)
            {
                overflow = !ExtensionText.TryParseAsciiUInt64(digits, out var amount);
                total += (Int128)amount * UnitMilliseconds[unit];
                overflow |= total > limit;
            }
        }

        if (nextUnit == 0)
        {
            return PatternError(text, out error);
        }

        if (overflow)
        {
            error = OverflowMessage;
            return false;
        }

        value = new CedarDuration((long)(negative ? -total : total));
        error = null;
        return true;
    }

    /// <summary>Adds two durations; false on 64-bit overflow.</summary>
    public bool TryAdd(CedarDuration other, out CedarDuration result)
    {
        var sum = Milliseconds + other.Milliseconds;
        var overflow = ((Milliseconds ^ sum) & (other.Milliseconds ^ sum)) < 0;
        result = overflow ? default : new CedarDuration(sum);
        return !overflow;
    }

    /// <inheritdoc />
    public bool Equals(CedarDuration other) => Milliseconds == other.Milliseconds;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CedarDuration other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Milliseconds.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(CedarDuration other) => Milliseconds.CompareTo(other.Milliseconds);

    /// <summary>
    /// The canonical form: the units with non-zero amounts from days down to milliseconds, e.g.
    /// <c>1d2h3m4s5ms</c>, <c>-90m</c> becomes <c>-1h30m</c>, zero is <c>0ms</c>. It parses back to the same value.
    /// </summary>
    public override string ToString()
    {
        if (Milliseconds == 0)
        {
            return "0ms";
        }

        var builder = new StringBuilder(32);
        var magnitude = Milliseconds < 0 ? (ulong)(-(Int128)Milliseconds) : (ulong)Milliseconds;
        if (Milliseconds < 0)
        {
            builder.Append('-');
        }

        for (var unit = 0; unit < UnitMilliseconds.Length; unit++)
        {
            var amount = magnitude / (ulong)UnitMilliseconds[unit];
            magnitude %= (ulong)UnitMilliseconds[unit];
            if (amount != 0)
            {
                builder.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(UnitSuffixes[unit]);
            }
        }

        return builder.ToString();
    }

    public static bool operator ==(CedarDuration left, CedarDuration right) => left.Equals(right);

    public static bool operator !=(CedarDuration left, CedarDuration right) => !left.Equals(right);

    public static bool operator <(CedarDuration left, CedarDuration right) => left.Milliseconds < right.Milliseconds;

    public static bool operator <=(CedarDuration left, CedarDuration right) => left.Milliseconds <= right.Milliseconds;

    public static bool operator >(CedarDuration left, CedarDuration right) => left.Milliseconds > right.Milliseconds;

    public static bool operator >=(CedarDuration left, CedarDuration right) => left.Milliseconds >= right.Milliseconds;

    /// <summary>Reads a unit suffix at <paramref name="i"/> (advancing past it); -1 when there is none.</summary>
    private static int ReadUnit(ReadOnlySpan<char> text, ref int i)
    {
        if (i >= text.Length)
        {
            return -1;
        }

        switch (text[i])
        {
            case 'd':
                i++;
                return 0;
            case 'h':
                i++;
                return 1;
            case 's':
                i++;
                return 3;
            case 'm' when i + 1 < text.Length && text[i + 1] == 's':
                i += 2;
                return 4;
            case 'm':
                i++;
                return 2;
            default:
                return -1;
        }
    }

    private static bool PatternError(ReadOnlySpan<char> text, out string error)
    {
        error = $"`{text}` is not a valid duration pattern (expected units in the order `d`, `h`, `m`, `s`, `ms`, e.g. `1d2h3m4s5ms`)";
        return false;
    }
}
