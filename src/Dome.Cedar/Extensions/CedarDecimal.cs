using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Dome.Cedar.Extensions;

/// <summary>
/// Cedar's <c>decimal</c> extension value: a signed 64-bit integer scaled by 10^4, so four
/// fractional digits and a range of about ±922,337,203,685,477.5807.
/// </summary>
/// <remarks>
/// Accepted strings match <c>-?D+\.D+</c> with at most four fractional digits; no <c>+</c>, no
/// exponent, no surrounding spaces. Like the reference, the well-formedness check treats any
/// Unicode decimal digit as a digit, and a non-ASCII digit then fails as an overflow.
/// </remarks>
internal readonly struct CedarDecimal : IEquatable<CedarDecimal>, IComparable<CedarDecimal>
{
    /// <summary>The scale: values are stored as <c>value * 10^4</c>.</summary>
    public const long Scale = 10_000;

    /// <summary>The most fractional digits a decimal literal may have.</summary>
    public const int MaxFractionDigits = 4;

    private CedarDecimal(long scaled) => ScaledValue = scaled;

    /// <summary>The value multiplied by 10^4.</summary>
    public long ScaledValue { get; }

    /// <summary>Builds a decimal from its value multiplied by 10^4.</summary>
    public static CedarDecimal FromScaled(long scaled) => new(scaled);

    /// <summary>Parses a Cedar decimal literal.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CedarDecimal value) => TryParse(text, out value, out _);

    /// <summary>Parses a Cedar decimal literal, giving a message when the text is rejected.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CedarDecimal value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (!TrySplit(text, out var negative, out var whole, out var fraction, out var fractionUtf8Length))
        {
            error = $"`{text}` is not a well-formed decimal value";
            return false;
        }

        // Order of checks follows the reference: whole part, then fraction length, then fraction digits.
        if (!ExtensionText.TryParseAsciiUInt64(whole, out var wholeMagnitude) || wholeMagnitude > (ulong)long.MaxValue + (negative ? 1UL : 0UL))
        {
            error = OverflowMessage;
            return false;
        }

        if (fractionUtf8Length > MaxFractionDigits)
        {
            error = $"too many digits after the decimal in `{text}`";
            return false;
        }

        if (!ExtensionText.TryParseAsciiUInt64(fraction, out var fractionDigits))
        {
            error = OverflowMessage;
            return false;
        }

        for (var i = fraction.Length; i < MaxFractionDigits; i++)
        {
            fractionDigits *= 10;
        }

        // Magnitude in 128 bits, then the signed range check.
        var magnitude = (Int128)wholeMagnitude * Scale + (Int128)fractionDigits;
        var signed = negative ? -magnitude : magnitude;
        if (signed < long.MinValue || signed > long.MaxValue)
        {
            error = OverflowMessage;
            return false;
        }

        value = new CedarDecimal((long)signed);
        error = null;
        return true;
    }

    /// <summary>The message of a decimal literal out of range.</summary>
    public const string OverflowMessage = "overflow when converting to decimal";

    /// <summary>Cedar's <c>lessThan</c>.</summary>
    public bool LessThan(CedarDecimal other) => ScaledValue < other.ScaledValue;

    /// <summary>Cedar's <c>lessThanOrEqual</c>.</summary>
    public bool LessThanOrEqual(CedarDecimal other) => ScaledValue <= other.ScaledValue;

    /// <summary>Cedar's <c>greaterThan</c>.</summary>
    public bool GreaterThan(CedarDecimal other) => ScaledValue > other.ScaledValue;

    /// <summary>Cedar's <c>greaterThanOrEqual</c>.</summary>
    public bool GreaterThanOrEqual(CedarDecimal other) => ScaledValue >= other.ScaledValue;

    /// <inheritdoc />
    public bool Equals(CedarDecimal other) => ScaledValue == other.ScaledValue;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CedarDecimal other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => ScaledValue.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(CedarDecimal other) => ScaledValue.CompareTo(other.ScaledValue);

    /// <summary>
    /// The canonical form: sign, whole part, a dot, and the fraction with trailing zeros removed
    /// (at least one digit), e.g. <c>-0.5</c>, <c>12.0</c>, <c>1.0005</c>. It parses back to the same value.
    /// </summary>
    public override string ToString()
    {
        var negative = ScaledValue < 0;
        var magnitude = negative ? (ulong)(-(Int128)ScaledValue) : (ulong)ScaledValue;
        var whole = magnitude / Scale;
        var fraction = (int)(magnitude % Scale);
        var digits = MaxFractionDigits;
        while (digits > 1 && fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        var fractionText = fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
        return (negative ? "-" : string.Empty) + whole.ToString(CultureInfo.InvariantCulture) + "." + fractionText;
    }

    public static bool operator ==(CedarDecimal left, CedarDecimal right) => left.Equals(right);

    public static bool operator !=(CedarDecimal left, CedarDecimal right) => !left.Equals(right);

    public static bool operator <(CedarDecimal left, CedarDecimal right) => left.LessThan(right);

    public static bool operator <=(CedarDecimal left, CedarDecimal right) => left.LessThanOrEqual(right);

    public static bool operator >(CedarDecimal left, CedarDecimal right) => left.GreaterThan(right);

    public static bool operator >=(CedarDecimal left, CedarDecimal right) => left.GreaterThanOrEqual(right);

    /// <summary>Matches <c>^(-?D+)\.(D+)$</c> where D is any Unicode decimal digit.</summary>
    private static bool TrySplit(
        ReadOnlySpan<char> text,
        out bool negative,
        out ReadOnlySpan<char> whole,
        out ReadOnlySpan<char> fraction,
        out int fractionUtf8Length)
    {
        whole = default;
        fraction = default;
        fractionUtf8Length = 0;
        negative = text.Length > 0 && text[0] == '-';
        var start = negative ? 1 : 0;
        var i = start;
        while (i < text.Length && text[i] != '.')
        {
            if (!ExtensionText.TryReadDigitRune(text, i, out var length, out _))
            {
                return false;
            }

            i += length;
        }

        if (i == start || i >= text.Length - 1)
        {
            return false;
        }

        whole = text[start..i];
        var fractionStart = i + 1;
        for (var j = fractionStart; j < text.Length;)
        {
            if (!ExtensionText.TryReadDigitRune(text, j, out var length, out var utf8Length))
            {
                return false;
            }

            fractionUtf8Length += utf8Length;
            j += length;
        }

        fraction = text[fractionStart..];
        return true;
    }
}
