using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Dome.Gateway.Output;

/// <summary>
/// Compares byte strings by content, and looks them up by span without making an array. The hash is a cheap
/// multiply-mix over 8-byte words (the strings are short member names), seeded per process.
/// </summary>
internal sealed class ByteStringComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static readonly ByteStringComparer Instance = new();

    private const ulong Multiplier = 0x9E3779B97F4A7C15;
    private static readonly ulong Seed = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));

    public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = Seed ^ (ulong)alternate.Length;
        while (alternate.Length >= 8)
        {
            hash = Mix(hash ^ BinaryPrimitives.ReadUInt64LittleEndian(alternate));
            alternate = alternate[8..];
        }

        var tail = 0UL;
        foreach (var b in alternate)
        {
            tail = (tail << 8) | b;
        }

        hash = Mix(hash ^ tail);
        return (int)(hash ^ (hash >> 32));
    }

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

    private static ulong Mix(ulong value)
    {
        value *= Multiplier;
        return value ^ (value >> 29);
    }
}
