using Codec.Protocols.Tcp;

namespace Codec.Protocols.Tests.Tcp;

public class TcpHeaderTests
{
    // SYN, 54321 → 80, seq 0x6b8b4567, data offset 10 (40-byte header with options), ECE+CWR clear, window 29200.
    private static readonly byte[] Syn = Convert.FromHexString("d43100506b8b456700000000a00272108b1c0000");

    [Fact]
    public void Reads_a_syn()
    {
        var tcp = TcpHeader.Read(Syn);

        Assert.Equal(54321, tcp.SourcePort);
        Assert.Equal(80, tcp.DestinationPort);
        Assert.Equal(0x6b8b4567u, tcp.SequenceNumber);
        Assert.Equal(0u, tcp.AcknowledgmentNumber);
        Assert.Equal(10, tcp.DataOffset);
        Assert.Equal(TcpFlags.Syn, tcp.Flags);
        Assert.Equal(29200, tcp.Window);
        Assert.Equal(0x8b1c, tcp.Checksum);
        Assert.Equal(0, tcp.UrgentPointer);
    }

    [Fact]
    public void The_acknowledgment_number_and_data_offset_do_not_overlap()
    {
        byte[] bytes = (byte[])Syn.Clone();
        bytes[8] = 0x01; bytes[9] = 0x02; bytes[10] = 0x03; bytes[11] = 0x04; bytes[12] = 0x5f; // reserved bits set
        bytes[13] = 0x12;

        var tcp = TcpHeader.Read(bytes);

        Assert.Equal(0x01020304u, tcp.AcknowledgmentNumber);
        Assert.Equal(5, tcp.DataOffset);
        Assert.Equal(TcpFlags.Syn | TcpFlags.Ack, tcp.Flags);
        Assert.Equal("Syn|Ack (0x12)", TcpHeader.Dissect(bytes)["Flags"]!.Display);

        var written = new byte[TcpHeader.Size];
        tcp.TryWrite(written, out _);
        Assert.Equal(0x50, written[12]); // reserved bits written as zero
    }
}
