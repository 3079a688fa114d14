using System.Buffers;

namespace Codec.Transport.Datagrams;

/// <summary>
/// The reply buffer handed to a handler: an <see cref="IBufferWriter{T}"/> over an array rented from
/// <see cref="ArrayPool{T}.Shared"/> that grows up to the maximum datagram size and no further.
/// </summary>
public sealed class DatagramReplyWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _written;

    /// <summary>Creates a writer for replies of up to <paramref name="maxDatagramSize"/> bytes.</summary>
    /// <param name="maxDatagramSize">The largest reply.</param>
    /// <param name="initialCapacity">The first buffer's size; the whole maximum avoids ever growing.</param>
    public DatagramReplyWriter(int maxDatagramSize, int initialCapacity = 512)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDatagramSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 1);
        MaxDatagramSize = maxDatagramSize;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(initialCapacity, maxDatagramSize));
    }

    /// <summary>The largest reply the writer accepts.</summary>
    public int MaxDatagramSize { get; }

    /// <summary>Bytes written since the last <see cref="Reset"/>.</summary>
    public int WrittenCount => _written;

    /// <summary>The reply written so far.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    /// <summary>The reply written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Reset() => _written = 0;

    /// <inheritdoc/>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > Capacity - _written)
        {
            throw new InvalidOperationException($"Advanced past the end of the buffer ({count} bytes, {Capacity - _written} available).");
        }

        _written += count;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The reply would exceed <see cref="MaxDatagramSize"/>.</exception>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written, Capacity - _written);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The reply would exceed <see cref="MaxDatagramSize"/>.</exception>
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written, Capacity - _written);
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The rented array may be longer than the maximum; never offer more than a datagram can carry.
    private int Capacity => Math.Min(_buffer.Length, MaxDatagramSize);

    private void Ensure(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        int needed = _written + Math.Max(sizeHint, 1);
        if (needed <= Capacity)
        {
            return;
        }

        if (needed > MaxDatagramSize)
        {
            throw new InvalidOperationException($"The reply would exceed the maximum datagram size ({MaxDatagramSize} bytes).");
        }

        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(MaxDatagramSize, Math.Max(needed, _buffer.Length * 2)));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
