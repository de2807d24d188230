using System.Buffers;

namespace Dome.Gateway.Output;

/// <summary>A growable byte buffer rented from the shared pool; cleared before it goes back (it may hold sensitive text).</summary>
internal sealed class PooledBuffer : IDisposable
{
    private byte[] array;

    public PooledBuffer(int capacity = 256) => array = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => array.AsSpan(0, Length);

    public void Clear()
    {
        array.AsSpan(0, Length).Clear();
        Length = 0;
    }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > array.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(array.Length * 2, Length + bytes.Length));
            array.AsSpan(0, Length).CopyTo(bigger);
            Return(array, Length);
            array = bigger;
        }

        bytes.CopyTo(array.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Dispose()
    {
        Return(array, Length);
        array = [];
        Length = 0;
    }

    private static void Return(byte[] rented, int used)
    {
        if (rented.Length > 0)
        {
            rented.AsSpan(0, used).Clear();
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
