using System.Buffers.Binary;
using Codec.Protocols.Capture;
using Codec.Protocols.Tests.Infrastructure;

namespace Codec.Protocols.Tests.Capture;

public class CaptureReaderTests
{
    private static readonly byte[] Frame1 = [1, 2, 3, 4, 5];
    private static readonly byte[] Frame2 = [.. Enumerable.Range(0, 61).Select(i => (byte)i)];

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Classic_pcap_in_either_byte_order_with_micro_or_nanoseconds(bool bigEndian, bool nanoseconds)
    {
        byte[] file = HandWrittenPcap(bigEndian, nanoseconds);

        var (frames, status, error) = CaptureFiles.ReadAll(new MemoryStream(file));

        Assert.Equal(CaptureReadStatus.EndOfFile, status);
        Assert.Null(error);
        Assert.Equal(2, frames.Count);
        Assert.Equal(Frame1, frames[0].Data);
        Assert.Equal(Frame2, frames[1].Data);
        Assert.Equal(100, frames[1].OriginalLength);
        Assert.Equal(LinkLayerType.Ethernet, frames[0].LinkType);
        ulong units = nanoseconds ? 1_000_000_000UL : 1_000_000UL;
        Assert.Equal(units, frames[0].UnitsPerSecond);
        Assert.Equal((1_700_000_000UL * units) + 123, frames[0].Timestamp);
    }

    [Fact]
    public void Pcapng_with_two_interfaces_a_resolution_option_a_simple_packet_and_an_unknown_block()
    {
        var stream = new MemoryStream();
        using (var writer = new PcapngWriter(stream, leaveOpen: true))
        {
            writer.AddInterface(LinkLayerType.Ethernet, 65535);
            writer.AddInterface(LinkLayerType.Raw, 0, 1_000_000_000);
            writer.WritePacket(1, Frame2, 100, 1_700_000_000_123_456_789UL);
            stream.Write(UnknownBlock());
            writer.WritePacket(0, Frame1, Frame1.Length, 1_700_000_000_000_001UL);
            writer.WriteSimplePacket(Frame2, Frame2.Length);
        }

        stream.Position = 0;
        var (frames, status, error) = CaptureFiles.ReadAll(stream);

        Assert.Equal(CaptureReadStatus.EndOfFile, status);
        Assert.Null(error);
        Assert.Equal(3, frames.Count);
        Assert.Equal(new CapturedFrame(Frame2, 100, LinkLayerType.Raw, 1, 1_700_000_000_123_456_789UL, 1_000_000_000), frames[0] with { Data = Frame2 });
        Assert.Equal(Frame2, frames[0].Data);
        Assert.Equal(LinkLayerType.Ethernet, frames[1].LinkType);
        Assert.Equal(1_000_000UL, frames[1].UnitsPerSecond);
        Assert.Equal(Frame2, frames[2].Data);
        Assert.Equal(0UL, frames[2].UnitsPerSecond);
    }

    [Fact]
    public void A_big_endian_pcapng_section_is_read_in_its_own_byte_order()
    {
        byte[] file = [.. BigEndianBlock(0x0A0D0D0A, [.. U32(0x1A2B3C4D), 0, 1, 0, 0, .. Enumerable.Repeat((byte)0xFF, 8)]),
            .. BigEndianBlock(1, [0, 101, 0, 0, 0, 0, 0, 0]),
            .. BigEndianBlock(6, [.. U32(0), .. U32(0), .. U32(42), .. U32(5), .. U32(5), 1, 2, 3, 4, 5, 0, 0, 0])];

        var (frames, status, _) = CaptureFiles.ReadAll(new MemoryStream(file));

        Assert.Equal(CaptureReadStatus.EndOfFile, status);
        CapturedFrame frame = Assert.Single(frames);
        Assert.Equal(Frame1, frame.Data);
        Assert.Equal(LinkLayerType.Raw, frame.LinkType);
        Assert.Equal(42UL, frame.Timestamp);
    }

    [Theory]
    [InlineData(new byte[0], CaptureReadStatus.Invalid, "empty")]
    [InlineData(new byte[] { 0xd4, 0xc3 }, CaptureReadStatus.Truncated, "too short")]
    [InlineData(new byte[] { 0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x3e }, CaptureReadStatus.Invalid, "not a pcap or pcapng file (magic number 0x6d74683c)")]
    [InlineData(new byte[] { 0xd4, 0xc3, 0xb2, 0xa1, 2, 0 }, CaptureReadStatus.Truncated, "file header needs 24 bytes")]
    public void Input_that_is_no_capture_gives_a_status_and_a_reason(byte[] file, CaptureReadStatus expected, string reason)
    {
        using var reader = new CaptureReader(new MemoryStream(file));

        Assert.Equal(expected, reader.TryReadPacket(out _));
        Assert.Contains(reason, reader.Error!.Reason);
        Assert.False(reader.IsHeaderRead);
        Assert.Equal(expected, reader.TryReadPacket(out _));
    }

    [Fact]
    public void A_truncated_last_record_is_reported_after_the_whole_ones()
    {
        byte[] file = HandWrittenPcap(bigEndian: false, nanoseconds: false);
        using var reader = new CaptureReader(new MemoryStream(file[..^10]));

        Assert.Equal(CaptureReadStatus.Packet, reader.TryReadPacket(out _));
        Assert.Equal(CaptureReadStatus.Truncated, reader.TryReadPacket(out _));
        Assert.Equal(24 + 16 + Frame1.Length, reader.Error!.FileOffset);
        Assert.Contains("the last record (packet 2) has 51 of its 61 captured bytes", reader.Error.Reason);
        Assert.True(reader.IsHeaderRead);
    }

    [Theory]
    [MemberData(nameof(CaptureFiles.All), MemberType = typeof(CaptureFiles))]
    public void Every_corpus_file_reads_to_its_end_with_as_many_packets_as_tshark_saw(string name)
    {
        var (frames, status, error) = CaptureFiles.ReadAll(name);

        Assert.True(status == CaptureReadStatus.EndOfFile, $"{name}: {error}");
        int tsharkFrames = File.ReadLines(Path.Combine(CaptureFiles.PcapDirectory, "tshark-fields", Path.ChangeExtension(name, ".tsv"))).Count(l => l.Length > 0 && char.IsDigit(l[0]));
        Assert.Equal(tsharkFrames, frames.Count);
    }

    [Theory]
    [InlineData("tcpdump__tcp-handshake-nano.pcap")]
    [InlineData("zeek__dhcp__dhcp-unique-xid-join-data-growth.pcapng")]
    [InlineData("arkime__bigendian.pcap")]
    [InlineData("tcpdump__dhcp-option-108.pcapng")]
    public void Every_prefix_and_many_corruptions_of_a_file_end_in_a_status_never_an_exception(string name)
    {
        byte[] file = File.ReadAllBytes(CaptureFiles.PathOf(name));
        int whole = CaptureFiles.ReadAll(new MemoryStream(file)).Frames.Count;
        for (int length = 0; length < file.Length; length++)
        {
            var (frames, status, error) = CaptureFiles.ReadAll(new MemoryStream(file, 0, length));
            Assert.True(frames.Count <= whole);
            Assert.True(status is CaptureReadStatus.EndOfFile or CaptureReadStatus.Truncated or CaptureReadStatus.Invalid);
            Assert.True(status == CaptureReadStatus.EndOfFile || error is not null);
        }

        var random = new Random(0x0A0D0D0A);
        for (int trial = 0; trial < 2_000; trial++)
        {
            byte[] mutated = (byte[])file.Clone();
            for (int i = 0; i < 4; i++)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            _ = CaptureFiles.ReadAll(new MemoryStream(mutated));
        }
    }

    [Fact]
    public void Reading_a_large_capture_allocates_nothing_per_packet()
    {
        // 64 MiB of 1514-byte frames from a stream that makes them up as it goes: the reader's own allocations stay
        // those of its first buffer, whatever the file's size (a copy per packet would be ~64 MiB).
        using var stream = new SyntheticPcapStream(frameLength: 1514, totalBytes: 64L * 1024 * 1024);
        using var reader = new CaptureReader(stream);
        Assert.Equal(CaptureReadStatus.Packet, reader.TryReadPacket(out _));
        long before = GC.GetAllocatedBytesForCurrentThread();
        long packets = 1;
        long bytes = 0;
        while (reader.TryReadPacket(out CapturePacket packet) == CaptureReadStatus.Packet)
        {
            packets++;
            bytes += packet.Data.Length;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(CaptureReadStatus.EndOfFile, reader.TryReadPacket(out _));
        Assert.True(packets > 40_000, $"{packets} packets");
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes allocated while reading {bytes} bytes of packets");
    }

    private static byte[] HandWrittenPcap(bool bigEndian, bool nanoseconds)
    {
        var bytes = new List<byte>();
        void Add32(uint value)
        {
            byte[] b = new byte[4];
            if (bigEndian)
            {
                BinaryPrimitives.WriteUInt32BigEndian(b, value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(b, value);
            }

            bytes.AddRange(b);
        }

        void Add16(ushort value)
        {
            bytes.AddRange(bigEndian ? [(byte)(value >> 8), (byte)value] : [(byte)value, (byte)(value >> 8)]);
        }

        Add32(nanoseconds ? 0xA1B23C4D : 0xA1B2C3D4);
        Add16(2);
        Add16(4);
        Add32(0);
        Add32(0);
        Add32(65535);
        Add32(1);
        foreach (var (frame, original) in new[] { (Frame1, Frame1.Length), (Frame2, 100) })
        {
            Add32(1_700_000_000);
            Add32(123);
            Add32((uint)frame.Length);
            Add32((uint)original);
            bytes.AddRange(frame);
        }

        return [.. bytes];
    }

    private static byte[] U32(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] BigEndianBlock(uint type, byte[] body) => [.. U32(type), .. U32((uint)(12 + body.Length)), .. body, .. U32((uint)(12 + body.Length))];

    private static byte[] UnknownBlock() => [0xAD, 0x0B, 0, 0, 16, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef, 16, 0, 0, 0];

    /// <summary>A read-only stream of a classic pcap file of identical frames, produced on demand.</summary>
    private sealed class SyntheticPcapStream(int frameLength, long totalBytes) : Stream
    {
        private readonly byte[] _record = MakeRecord(frameLength);
        private readonly byte[] _header = [0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0];
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int written = 0;
            while (written < count && _position < totalBytes)
            {
                long inRecords = _position - _header.Length;
                byte source = inRecords < 0 ? _header[_position] : _record[inRecords % _record.Length];
                buffer[offset + written++] = source;
                _position++;
                if (inRecords >= 0 && inRecords % _record.Length == _record.Length - 1 && totalBytes - _position < _record.Length)
                {
                    totalBytes = _position; // end on a record boundary
                }
            }

            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static byte[] MakeRecord(int length)
        {
            byte[] record = new byte[16 + length];
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)length);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)length);
            return record;
        }
    }
}
