using System.Globalization;
using System.Numerics;

namespace Dome.Core.Catalog.OpenApi;

/// <summary>The YAML 1.2 core schema's number forms (§10.3.2), and JSON's, matched by hand (no regular expressions).</summary>
internal static class YamlNumbers
{
    /// <summary><c>[-+]?[0-9]+</c>, <c>0o[0-7]+</c> or <c>0x[0-9a-fA-F]+</c>.</summary>
    public static bool TryInteger(string text, out BigInteger value)
    {
        value = default;
        if (text.Length > 2 && text[0] == '0' && text[1] is 'o' or 'x')
        {
            var hex = text[1] == 'x';
            var digits = text.AsSpan(2);
            foreach (var c in digits)
            {
                if (!(hex ? char.IsAsciiHexDigit(c) : c is >= '0' and <= '7'))
                {
                    return false;
                }
            }

            foreach (var c in digits)
            {
                value = (value * (hex ? 16 : 8)) + (hex ? System.Convert.ToInt32(c.ToString(), 16) : c - '0');
            }

            return true;
        }

        var start = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        if (text.Length == start || !AllDigits(text.AsSpan(start)))
        {
            return false;
        }

        value = BigInteger.Parse(text.TrimStart('+'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary><c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>.</summary>
    public static bool IsFloat(string text)
    {
        var i = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        var whole = Digits(text, ref i);
        var fraction = 0;
        var dot = i < text.Length && text[i] == '.';
        if (dot)
        {
            i++;
            fraction = Digits(text, ref i);
        }

        if (whole == 0 && fraction == 0)
        {
            return false;
        }

        return Exponent(text, ref i) && i == text.Length;
    }

    /// <summary>JSON's number grammar (RFC 8259 §6): <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?</c>.</summary>
    public static bool IsJsonNumber(string text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var start = i;
        var whole = Digits(text, ref i);
        if (whole == 0 || (whole > 1 && text[start] == '0'))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (Digits(text, ref i) == 0)
            {
                return false;
            }
        }

        return Exponent(text, ref i) && i == text.Length;
    }

    private static bool Exponent(string text, ref int i)
    {
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '-' or '+')
            {
                i++;
            }

            return Digits(text, ref i) > 0;
        }

        return true;
    }

    private static int Digits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }

    private static bool AllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
