using System.Text;

namespace Dome.Cedar.Extensions;

/// <summary>Small character helpers shared by the extension parsers.</summary>
internal static class ExtensionText
{
    /// <summary>True for an ASCII digit <c>0</c>-<c>9</c>.</summary>
    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>
    /// Reads one Unicode scalar at <paramref name="index"/> and says whether it is a decimal digit
    /// (general category Nd), which is what the reference's <c>\d</c> matches.
    /// </summary>
    public static bool TryReadDigitRune(ReadOnlySpan<char> text, int index, out int length, out int utf8Length)
    {
        if (Rune.DecodeFromUtf16(text[index..], out var rune, out length) != System.Buffers.OperationStatus.Done)
        {
            length = 1;
            utf8Length = 0;
            return false;
        }

        utf8Length = rune.Utf8SequenceLength;
        return Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.DecimalDigitNumber;
    }

    /// <summary>Parses ASCII digits as a non-negative 64-bit value; false when a digit is not ASCII or the value overflows.</summary>
    public static bool TryParseAsciiUInt64(ReadOnlySpan<char> digits, out ulong value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!IsAsciiDigit(c))
            {
                return false;
            }

            var next = value * 10 + (ulong)(c - '0');
            if (value > ulong.MaxValue / 10 || next < value * 10)
            {
                return false;
            }

            value = next;
        }

        return true;
    }
}
