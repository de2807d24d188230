namespace Dome.Gateway.Output;

/// <summary>Payment card number checks: issuer ranges (so random ids rarely qualify) and the Luhn checksum.</summary>
internal static class CardNumbers
{
    public static bool PassesLuhn(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>Visa, Mastercard, American Express, Discover, JCB, Diners Club and UnionPay prefixes and lengths.</summary>
    public static bool IsKnownIssuer(ReadOnlySpan<byte> digits)
    {
        var length = digits.Length;
        var two = Prefix(digits, 2);
        var three = Prefix(digits, 3);
        var four = Prefix(digits, 4);
        return digits[0] switch
        {
            (byte)'4' => length is 13 or 16 or 19,
            (byte)'5' => two is >= 51 and <= 55 && length == 16,
            (byte)'2' => four is >= 2221 and <= 2720 && length == 16,
            (byte)'3' => (two is 34 or 37 && length == 15)
                || (four is >= 3528 and <= 3589 && length is >= 16 and <= 19)
                || ((three is >= 300 and <= 305 || two is 36 or 38 or 39) && length is >= 14 and <= 19),
            (byte)'6' => (four == 6011 || three is >= 644 and <= 649 || two is 65 or 62) && length is >= 16 and <= 19,
            _ => false,
        };
    }

    private static int Prefix(ReadOnlySpan<byte> digits, int count)
    {
        var value = 0;
        for (var i = 0; i < count && i < digits.Length; i++)
        {
            value = (value * 10) + (digits[i] - '0');
        }

        return value;
    }
}
