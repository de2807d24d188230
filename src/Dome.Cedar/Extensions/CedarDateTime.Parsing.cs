using System.Diagnostics.CodeAnalysis;

namespace Dome.Cedar.Extensions;

/// <summary>
/// Parsing rules of Cedar's <c>datetime(...)</c>. Accepted forms: <c>YYYY-MM-DD</c>,
/// <c>YYYY-MM-DDThh:mm:ssZ</c>, <c>YYYY-MM-DDThh:mm:ss.SSSZ</c>, <c>YYYY-MM-DDThh:mm:ss(+|-)hhmm</c>
/// and <c>YYYY-MM-DDThh:mm:ss.SSS(+|-)hhmm</c>; ASCII digits only, exactly that many of them,
/// a real calendar date, hours below 24, minutes and seconds below 60, offsets below 24h and 60m.
/// </summary>
internal readonly partial struct CedarDateTime
{
    /// <summary>Parses a Cedar datetime literal.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CedarDateTime value) => TryParse(text, out value, out _);

    /// <summary>Parses a Cedar datetime literal, giving a message when the text is rejected.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CedarDateTime value, [NotNullWhen(false)] out string? error)
    {
        value = default;

        // :: Date, YYYY-MM-DD
        if (text.Length < 10 || !Digits(text, 0, 4) || text[4] != '-' || !Digits(text, 5, 2) || text[7] != '-' || !Digits(text, 8, 2))
        {
            return Fail($"`{text}` does not start with a date `YYYY-MM-DD`", out error);
        }

        var year = Number(text, 0, 4);
        var month = Number(text, 5, 2);
        var day = Number(text, 8, 2);
        if (month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month))
        {
            return Fail($"invalid date `{text[..10]}`", out error);
        }

        var days = DaysFromCivil(year, month, day);
        if (text.Length == 10)
        {
            value = new CedarDateTime(days * CedarDuration.MillisecondsPerDay);
            error = null;
            return true;
        }

        // :: Time, Thh:mm:ss
        if (text.Length < 19 || text[10] != 'T' || !Digits(text, 11, 2) || text[13] != ':' || !Digits(text, 14, 2) || text[16] != ':' || !Digits(text, 17, 2))
        {
            return Fail($"`{text}` has no time `Thh:mm:ss` after the date", out error);
        }

        var hour = Number(text, 11, 2);
        var minute = Number(text, 14, 2);
        var second = Number(text, 17, 2);
        if (hour > 23 || minute > 59 || second > 59)
        {
            return Fail($"invalid time `{text[11..19]}`", out error);
        }

        // :: Milliseconds and offset: Z | .SSSZ | (+|-)hhmm | .SSS(+|-)hhmm
        var rest = text[19..];
        var millisecond = 0;
        if (rest.Length > 0 && rest[0] == '.')
        {
            if (rest.Length < 4 || !Digits(rest, 1, 3))
            {
                return BadSuffix(text, out error);
            }

            millisecond = Number(rest, 1, 3);
            rest = rest[4..];
        }

        var offsetMinutes = 0;
        if (rest is "Z")
        {
            // UTC.
        }
        else if (rest.Length == 5 && (rest[0] == '+' || rest[0] == '-') && Digits(rest, 1, 4))
        {
            var offsetHours = Number(rest, 1, 2);
            var offsetMinute = Number(rest, 3, 2);
            if (offsetHours > 23 || offsetMinute > 59)
            {
                return Fail($"invalid offset range `{rest}`", out error);
            }

            offsetMinutes = (offsetHours * 60 + offsetMinute) * (rest[0] == '-' ? -1 : 1);
        }
        else
        {
            return BadSuffix(text, out error);
        }

        value = new CedarDateTime(
            days * CedarDuration.MillisecondsPerDay
            + hour * CedarDuration.MillisecondsPerHour
            + minute * CedarDuration.MillisecondsPerMinute
            + second * CedarDuration.MillisecondsPerSecond
            + millisecond
            - offsetMinutes * CedarDuration.MillisecondsPerMinute);
        error = null;
        return true;
    }

    private static bool BadSuffix(ReadOnlySpan<char> text, out string error) =>
        Fail($"`{text}` does not end with `Z`, `.SSSZ`, `+hhmm`, `-hhmm`, `.SSS+hhmm` or `.SSS-hhmm`", out error);

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool Digits(ReadOnlySpan<char> text, int start, int count)
    {
        if (start + count > text.Length)
        {
            return false;
        }

        foreach (var c in text.Slice(start, count))
        {
            if (!ExtensionText.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(ReadOnlySpan<char> text, int start, int count)
    {
        var value = 0;
        foreach (var c in text.Slice(start, count))
        {
            value = value * 10 + (c - '0');
        }

        return value;
    }
}
