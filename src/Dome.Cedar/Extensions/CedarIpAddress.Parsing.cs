using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Dome.Cedar.Extensions;

/// <summary>Parsing rules of Cedar's <c>ip(...)</c>, matching the reference's acceptance and error order.</summary>
internal readonly partial struct CedarIpAddress
{
    /// <summary>Parses an <c>ip(...)</c> literal.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CedarIpAddress value) => TryParse(text, out value, out _);

    /// <summary>
    /// Parses an <c>ip(...)</c> literal: <c>address</c> or <c>address/prefix</c>. IPv4 octets have no
    /// leading zeros; IPv6 groups have 1-4 hex digits with at most one <c>::</c>; strings with two or
    /// more colons and two or more dots (IPv4 embedded in IPv6) are refused; the prefix is plain
    /// decimal without leading zeros, at most 32 (IPv4) or 128 (IPv6).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CedarIpAddress value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        if (text.Count(':') >= 2 && text.Count('.') >= 2)
        {
            error = $"error parsing ip address: ipv4 embedded in ipv6 (e.g., `::ffff:127.0.0.1`) is not accepted, found `{text}`";
            return false;
        }

        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        UInt128 address;
        bool isIpv6;
        if (TryParseIpv4(addressText, out var v4))
        {
            address = v4;
            isIpv6 = false;
        }
        else if (TryParseIpv6(addressText, out var v6))
        {
            address = v6;
            isIpv6 = true;
        }
        else
        {
            error = slash < 0
                ? $"invalid ip address `{text}`"
                : $"error parsing ip address from the string `{addressText}`: invalid ip address syntax";
            return false;
        }

        var bits = isIpv6 ? 128 : 32;
        var prefix = bits;
        if (slash >= 0 && !TryParsePrefix(text[(slash + 1)..], bits, out prefix, out error))
        {
            return false;
        }

        value = new CedarIpAddress(address, (byte)prefix, isIpv6);
        error = null;
        return true;
    }

    private static bool TryParsePrefix(ReadOnlySpan<char> text, int bits, out int prefix, [NotNullWhen(false)] out string? error)
    {
        prefix = 0;
        var maxLength = bits == 32 ? 2 : 3;
        var utf8Length = Encoding.UTF8.GetByteCount(text);
        if (utf8Length == 0)
        {
            error = "error parsing prefix from the string ``: cannot parse integer from empty string";
            return false;
        }

        if (utf8Length > maxLength)
        {
            error = $"error parsing prefix: string length {utf8Length} is too large";
            return false;
        }

        foreach (var c in text)
        {
            if (!ExtensionText.IsAsciiDigit(c))
            {
                error = $"error parsing prefix `{text}`: encountered non-digit";
                return false;
            }

            prefix = prefix * 10 + (c - '0');
        }

        if (text.Length > 1 && text[0] == '0')
        {
            error = $"error parsing prefix `{text}`: leading zero(s)";
            return false;
        }

        if (prefix > bits)
        {
            error = $"error parsing prefix: {prefix} is larger than the limit {bits}";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryParseIpv4(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var octets = 0;
        var i = 0;
        while (true)
        {
            var start = i;
            var octet = 0;
            while (i < text.Length && ExtensionText.IsAsciiDigit(text[i]) && i - start < 3)
            {
                octet = octet * 10 + (text[i] - '0');
                i++;
            }

            var length = i - start;
            if (length == 0 || octet > 255 || (length > 1 && text[start] == '0'))
            {
                return false;
            }

            address = (address << 8) | (uint)octet;
            octets++;
            if (octets == 4)
            {
                return i == text.Length;
            }

            if (i >= text.Length || text[i] != '.')
            {
                return false;
            }

            i++;
        }
    }

    private static bool TryParseIpv6(ReadOnlySpan<char> text, out UInt128 address)
    {
        address = UInt128.Zero;
        Span<ushort> head = stackalloc ushort[8];
        Span<ushort> tail = stackalloc ushort[8];
        int headCount = 0, tailCount = 0;
        var compressed = false;
        var i = 0;
        if (text.StartsWith("::"))
        {
            compressed = true;
            i = 2;
        }

        var expectGroup = !compressed;
        while (i < text.Length)
        {
            if (!TryReadGroup(text, ref i, out var group))
            {
                return false;
            }

            if (compressed)
            {
                if (headCount + tailCount >= 7)
                {
                    return false;
                }

                tail[tailCount++] = group;
            }
            else
            {
                if (headCount >= 8)
                {
                    return false;
                }

                head[headCount++] = group;
            }

            expectGroup = false;
            if (i == text.Length)
            {
                break;
            }

            // A separator: ":" then a group, or "::" (once) then optionally more groups.
            if (text[i] != ':')
            {
                return false;
            }

            if (i + 1 < text.Length && text[i + 1] == ':')
            {
                if (compressed || headCount >= 8)
                {
                    return false;
                }

                compressed = true;
                i += 2;
                continue;
            }

            i++;
            expectGroup = true;
        }

        if (expectGroup)
        {
            return false;
        }

        if (!compressed && headCount != 8)
        {
            return false;
        }

        if (compressed && headCount + tailCount > 7)
        {
            return false;
        }

        for (var g = 0; g < headCount; g++)
        {
            address |= (UInt128)head[g] << (16 * (7 - g));
        }

        for (var g = 0; g < tailCount; g++)
        {
            address |= (UInt128)tail[g] << (16 * (tailCount - 1 - g));
        }

        return true;
    }

    private static bool TryReadGroup(ReadOnlySpan<char> text, ref int i, out ushort group)
    {
        var start = i;
        var value = 0;
        while (i < text.Length && i - start < 5 && char.IsAsciiHexDigit(text[i]))
        {
            value = (value << 4) | HexValue(text[i]);
            i++;
        }

        group = (ushort)value;
        var length = i - start;
        return length is >= 1 and <= 4;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
