using System.Buffers;

namespace Codec.Protocols.Capture;

/// <summary>
/// Reads pcap and pcapng files packet by packet from a <see cref="Stream"/>, through one pooled buffer that holds a
/// record at a time: memory stays flat whatever the file's size, and packets are handed out as spans into that buffer.
/// Never throws on bad input: a file that is not a capture, a broken record or a truncated last record ends the
/// reading with <see cref="CaptureReadStatus.Invalid"/> or <see cref="CaptureReadStatus.Truncated"/> and an
/// <see cref="Error"/> that says where and why.
/// </summary>
public sealed partial class CaptureReader : IDisposable
{
    /// <summary>The largest record or block accepted (a packet bigger than this is taken for garbage).</summary>
    public const int MaximumRecordSize = 64 * 1024 * 1024;

    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _endOfStream;
    private long _bufferFileOffset;
    private bool _started;

    /// <summary>Reads a capture from <paramref name="stream"/>, which it disposes unless <paramref name="leaveOpen"/>.</summary>
    public CaptureReader(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    }

    /// <summary>pcap or pcapng, once the header has been read.</summary>
    public CaptureFormat Format { get; private set; }

    /// <summary>Whether the file header (pcap) or the first Section Header Block (pcapng) was read: false means the input is no capture at all.</summary>
    public bool IsHeaderRead { get; private set; }

    /// <summary>Why reading stopped early; <c>null</c> while reading goes well and after a clean end.</summary>
    public CaptureError? Error { get; private set; }

    /// <summary>Packets handed out so far.</summary>
    public long PacketCount { get; private set; }

    /// <summary>Bytes of the file consumed so far.</summary>
    public long Position => _bufferFileOffset + _start;

    /// <summary>Opens the file at <paramref name="path"/> for sequential reading.</summary>
    public static CaptureReader Open(string path) =>
        new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan));

    /// <summary>
    /// Reads the next packet. <see cref="CaptureReadStatus.Packet"/>: <paramref name="packet"/> is valid until the next
    /// call. Any other status is final and repeats on later calls.
    /// </summary>
    public CaptureReadStatus TryReadPacket(out CapturePacket packet)
    {
        packet = default;
        if (Error is not null)
        {
            return Error.Status;
        }

        if (!_started)
        {
            _started = true;
            CaptureReadStatus header = ReadFileHeader();
            if (header != CaptureReadStatus.Packet)
            {
                return header;
            }
        }

        CaptureReadStatus status = Format == CaptureFormat.Pcap ? ReadPcapRecord(out packet) : ReadPcapngPacket(out packet);
        if (status == CaptureReadStatus.Packet)
        {
            PacketCount++;
        }

        return status;
    }

    /// <summary>Returns the buffer to the pool and closes the stream unless asked to leave it open.</summary>
    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        _start = _end = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private CaptureReadStatus ReadFileHeader()
    {
        int available = Fill(4);
        if (available == 0)
        {
            return Fail(CaptureReadStatus.Invalid, 0, "the file is empty: not a pcap or pcapng file");
        }

        if (available < 4)
        {
            return Fail(CaptureReadStatus.Truncated, 0, $"only {available} bytes: too short for a pcap or pcapng header");
        }

        ReadOnlySpan<byte> magic = _buffer.AsSpan(_start, 4);
        uint little = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(magic);
        if (little == PcapngBlockType.SectionHeader)
        {
            Format = CaptureFormat.Pcapng;
            return CaptureReadStatus.Packet;
        }

        if (little is PcapMagic.Microseconds or PcapMagic.Nanoseconds or PcapMagic.MicrosecondsSwapped or PcapMagic.NanosecondsSwapped)
        {
            Format = CaptureFormat.Pcap;
            return ReadPcapHeader();
        }

        return Fail(CaptureReadStatus.Invalid, 0, $"not a pcap or pcapng file (magic number 0x{little:x8})");
    }

    private CaptureReadStatus Fail(CaptureReadStatus status, long offset, string reason)
    {
        Error = new CaptureError(status, offset, reason);
        return status;
    }

    /// <summary>
    /// Makes at least <paramref name="count"/> bytes available from <c>_start</c>, reading from the stream (and growing
    /// the buffer for a large record) as needed. Returns the bytes available, fewer only at the end of the stream.
    /// </summary>
    private int Fill(int count)
    {
        int available = _end - _start;
        if (available >= count || _endOfStream)
        {
            return available;
        }

        if (count > _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(count, _buffer.Length * 2));
            _buffer.AsSpan(_start, available).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
            _bufferFileOffset += _start;
            _start = 0;
            _end = available;
        }
        else if (_start + count > _buffer.Length)
        {
            _buffer.AsSpan(_start, available).CopyTo(_buffer);
            _bufferFileOffset += _start;
            _start = 0;
            _end = available;
        }

        while (_end - _start < count)
        {
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
                break;
            }

            _end += read;
        }

        return _end - _start;
    }

    private void Consume(int count) => _start += count;
}
