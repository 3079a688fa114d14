namespace Codec.Runtime.Tests.Generated;

/// <summary>
/// A fixed message whose [InternetChecksum] covers its fixed fields, laid out so that units start and end at odd
/// offsets (the words the writer adds up in registers then straddle units): 1 + 2 + 3 octets, the checksum, 1 + 4 + 1
/// octets and a 3/5-bit pair. 16 bytes.
/// </summary>
[Message(Name = "Checksummed Fixed Test")]
internal partial struct ChecksummedFixed
{
    [Field(0)] public byte A;                                                    // byte 0
    [Field(1)] public ushort B;                                                  // bytes 1–2
    [Field(2, Bits = 24)] public uint C;                                         // bytes 3–5
    [Field(3), InternetChecksum] public ushort Checksum;                         // bytes 6–7
    [Field(4)] public byte D;                                                    // byte 8
    [Field(5)] public uint E;                                                    // bytes 9–12
    [Field(6)] public byte F;                                                    // byte 13
    [Field(7, Bits = 3)] public byte G;                                          // byte 14, bits 0–2
    [Field(8, Bits = 5)] public byte H;                                          // byte 14, bits 3–7
    [Field(9)] public byte I;                                                    // byte 15
}

/// <summary>A header whose [InternetChecksum] runs through its data, as ICMP's: 8 fixed octets, then the rest.</summary>
[Message(Name = "Checksummed Data Test")]
internal ref partial struct ChecksummedData
{
    [Field(0)] public byte Type;                                                 // byte 0
    [Field(1)] public byte Code;                                                 // byte 1
    [Field(2), InternetChecksum(Through = nameof(Data))] public ushort Checksum; // bytes 2–3
    [Field(3, Bits = 24)] public uint Rest;                                      // bytes 4–6
    [Field(4)] public byte Last;                                                 // byte 7
    [Field(5), Remaining] public ReadOnlySpan<byte> Data;                        // byte 8 on
}

/// <summary>
/// The checksum a generated writer computes (from the words as it stores them, not from the destination) equals RFC 1071
/// taken literally over the octets written, the field taken as zero; and a checksum set by the caller is written as set.
/// </summary>
public sealed class ChecksumWriteTests
{
    private const int Cases = 2000;

    [Fact]
    public void Fixed_message_checksum_is_the_one_of_the_octets_written()
    {
        var random = new Random(20261127);
        Span<byte> destination = stackalloc byte[ChecksummedFixed.Size];
        for (int i = 0; i < Cases; i++)
        {
            var message = new ChecksummedFixed
            {
                A = Byte(random), B = (ushort)random.Next(0x10000), C = (uint)random.Next(0x1000000), D = Byte(random),
                E = (uint)random.NextInt64(0x1_0000_0000), F = Byte(random), G = (byte)random.Next(8), H = (byte)random.Next(32), I = Byte(random),
            };
            if (i % 7 == 0)
            {
                message = default; // all zero but the checksum: RFC 1071's 0xFFFF
            }

            destination.Fill(0xA5);
            Assert.True(message.TryWrite(destination, out int written));
            Assert.Equal(ChecksummedFixed.Size, written);
            Assert.Equal(Expected(destination, 6), Stored(destination, 6));
            Assert.True(ChecksummedFixed.TryRead(destination, out ChecksummedFixed read).IsDone);
            Assert.Equal(message.E, read.E);

            destination.Fill(0x5A);
            Assert.True(message.TryWrite(destination).IsDone);
            Assert.Equal(Expected(destination, 6), Stored(destination, 6));
        }
    }

    [Fact]
    public void Message_checksum_through_its_data_is_the_one_of_the_octets_written()
    {
        var random = new Random(20261128);
        byte[] data = new byte[64];
        byte[] destination = new byte[8 + data.Length];
        for (int i = 0; i < Cases; i++)
        {
            random.NextBytes(data);
            int length = random.Next(data.Length + 1); // odd lengths included: the last octet is padded with zero
            var message = new ChecksummedData
            {
                Type = Byte(random), Code = Byte(random), Rest = (uint)random.Next(0x1000000), Last = Byte(random),
                Data = data.AsSpan(0, length),
            };

            Array.Fill(destination, (byte)0xA5);
            Assert.True(message.TryWrite(destination, out int written));
            Assert.Equal(8 + length, written);
            Assert.Equal(Expected(destination.AsSpan(0, written), 2), Stored(destination, 2));

            Array.Fill(destination, (byte)0x5A);
            Assert.True(message.TryWrite(destination).IsDone);
            Assert.Equal(Expected(destination.AsSpan(0, written), 2), Stored(destination, 2));
            Assert.True(ChecksummedData.TryRead(destination.AsSpan(0, written), out ChecksummedData read).IsDone);
            Assert.True(read.Data.SequenceEqual(data.AsSpan(0, length)));
        }
    }

    [Fact]
    public void A_checksum_that_is_set_is_written_as_set()
    {
        Span<byte> destination = stackalloc byte[ChecksummedFixed.Size];
        Assert.True(new ChecksummedFixed { A = 1, Checksum = 0x1234 }.TryWrite(destination, out _));
        Assert.Equal(0x1234, Stored(destination, 6));

        byte[] packet = new byte[11];
        Assert.True(new ChecksummedData { Type = 8, Checksum = 0xBEEF, Data = "abc"u8 }.TryWrite(packet, out _));
        Assert.Equal(0xBEEF, Stored(packet, 2));
    }

    private static byte Byte(Random random) => (byte)random.Next(256);

    private static int Stored(ReadOnlySpan<byte> message, int offset) => (message[offset] << 8) | message[offset + 1];

    /// <summary>RFC 1071 over the message with its checksum field zeroed.</summary>
    private static int Expected(ReadOnlySpan<byte> message, int offset)
    {
        byte[] copy = message.ToArray();
        copy[offset] = 0;
        copy[offset + 1] = 0;
        return Reference.InternetChecksum(copy);
    }
}
