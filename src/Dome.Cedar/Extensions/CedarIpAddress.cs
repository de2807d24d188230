using System.Globalization;
using System.Text;

namespace Dome.Cedar.Extensions;

/// <summary>
/// Cedar's <c>ipaddr</c> extension value: an IPv4 or IPv6 address with a CIDR prefix length
/// (the full length when the literal has none).
/// </summary>
/// <remarks>
/// Equality is structural on family, address and prefix: <c>10.0.0.1/24</c> differs from
/// <c>10.0.0.0/24</c>, while <c>10.0.0.1</c> equals <c>10.0.0.1/32</c>. Range tests compare the
/// networks: a value is in a range when its own network is a subset of the range's network.
/// </remarks>
internal readonly partial struct CedarIpAddress : IEquatable<CedarIpAddress>
{
    private CedarIpAddress(UInt128 address, byte prefixLength, bool isIpv6)
    {
        Address = address;
        PrefixLength = prefixLength;
        IsIpv6 = isIpv6;
    }

    /// <summary>The address bits: IPv4 in the low 32 bits, IPv6 in all 128.</summary>
    public UInt128 Address { get; }

    /// <summary>The CIDR prefix length (32 or 128 when the literal had none).</summary>
    public byte PrefixLength { get; }

    /// <summary>Cedar's <c>isIpv6</c>.</summary>
    public bool IsIpv6 { get; }

    /// <summary>Cedar's <c>isIpv4</c>.</summary>
    public bool IsIpv4 => !IsIpv6;

    /// <summary>The number of address bits of the family: 32 or 128.</summary>
    public int AddressBits => IsIpv6 ? 128 : 32;

    /// <summary>Builds an IPv4 value from its 32 address bits.</summary>
    public static CedarIpAddress FromIpv4(uint address, byte prefixLength = 32) =>
        prefixLength <= 32 ? new(address, prefixLength, false) : throw new ArgumentOutOfRangeException(nameof(prefixLength));

    /// <summary>Builds an IPv6 value from its 128 address bits.</summary>
    public static CedarIpAddress FromIpv6(UInt128 address, byte prefixLength = 128) =>
        prefixLength <= 128 ? new(address, prefixLength, true) : throw new ArgumentOutOfRangeException(nameof(prefixLength));

    /// <summary>Cedar's <c>isLoopback</c>: within <c>127.0.0.0/8</c> or <c>::1/128</c>.</summary>
    public bool IsLoopback => IsIpv6 ? IsWithin(UInt128.One, 128) : IsWithin(0x7F00_0000u, 8);

    /// <summary>Cedar's <c>isMulticast</c>: within <c>224.0.0.0/4</c> or <c>ff00::/8</c>.</summary>
    public bool IsMulticast => IsIpv6 ? IsWithin(new UInt128(0xFF00_0000_0000_0000ul, 0), 8) : IsWithin(0xE000_0000u, 4);

    /// <summary>Cedar's <c>isInRange</c>: same family and this network is a subset of <paramref name="range"/>'s network.</summary>
    public bool IsInRange(CedarIpAddress range) => IsIpv6 == range.IsIpv6 && IsWithin(range.Address, range.PrefixLength);

    /// <inheritdoc />
    public bool Equals(CedarIpAddress other) =>
        IsIpv6 == other.IsIpv6 && PrefixLength == other.PrefixLength && Address == other.Address;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CedarIpAddress other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Address, PrefixLength, IsIpv6);

    public static bool operator ==(CedarIpAddress left, CedarIpAddress right) => left.Equals(right);

    public static bool operator !=(CedarIpAddress left, CedarIpAddress right) => !left.Equals(right);

    /// <summary>
    /// The canonical form: dotted quad for IPv4, RFC 5952 compressed lowercase hex for IPv6 (never
    /// with an embedded IPv4 tail, which Cedar rejects), and <c>/prefix</c> unless it is the full length.
    /// </summary>
    public override string ToString()
    {
        var builder = new StringBuilder(48);
        if (IsIpv6)
        {
            AppendIpv6(builder, Address);
        }
        else
        {
            var bits = (uint)Address;
            builder.Append(bits >> 24).Append('.').Append((bits >> 16) & 0xFF).Append('.')
                .Append((bits >> 8) & 0xFF).Append('.').Append(bits & 0xFF);
        }

        if (PrefixLength != AddressBits)
        {
            builder.Append('/').Append(PrefixLength.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private bool IsWithin(UInt128 rangeAddress, int rangePrefix)
    {
        if (PrefixLength < rangePrefix)
        {
            return false;
        }

        var mask = NetworkMask(rangePrefix, AddressBits);
        return (Address & mask) == (rangeAddress & mask);
    }

    private static UInt128 NetworkMask(int prefix, int bits)
    {
        if (prefix == 0)
        {
            return UInt128.Zero;
        }

        var all = bits == 128 ? UInt128.MaxValue : (UInt128)uint.MaxValue;
        return (all << (bits - prefix)) & all;
    }

    private static void AppendIpv6(StringBuilder builder, UInt128 address)
    {
        Span<ushort> groups = stackalloc ushort[8];
        for (var i = 0; i < 8; i++)
        {
            groups[i] = (ushort)(address >> (16 * (7 - i)));
        }

        // Longest run of two or more zero groups (first one on ties) becomes "::".
        int bestStart = -1, bestLength = 0;
        for (var i = 0; i < 8;)
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < 8 && groups[i] == 0)
            {
                i++;
            }

            if (i - start > bestLength)
            {
                bestStart = start;
                bestLength = i - start;
            }
        }

        if (bestLength < 2)
        {
            bestStart = -1;
        }

        for (var i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                builder.Append("::");
                i += bestLength - 1;
                continue;
            }

            if (i > 0 && i != bestStart + bestLength)
            {
                builder.Append(':');
            }

            builder.Append(groups[i].ToString("x", CultureInfo.InvariantCulture));
        }
    }
}
