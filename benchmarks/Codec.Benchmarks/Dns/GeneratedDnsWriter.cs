using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Codec.Dns;
using Codec.Protocols.Dns;

namespace Codec.Benchmarks;

/// <summary>
/// Our side of the DNS build: the sample response written with the generated writers — each section through a
/// <see cref="MessageListWriter{T}"/> straight into the caller's buffer after the 12-octet header, then
/// <see cref="DnsMessage.TryWrite(Span{byte})"/> for the header (the sections already lie where it puts them, so it does
/// not copy them). This is the uncompressed writer (<c>DnsName.CopyUncompressedTo</c>, one copy per run of labels): 150
/// octets where the compressed response is 94. The generated compressing writer,
/// <c>TryWrite(Span&lt;byte&gt; message, ref int position, DnsNameCompressor)</c> on each element, writes the same 94
/// octets as the hand-written builder (owner names and the CNAME target inside RDATA compressed; checked in setup).
/// Names are input: they are read (validated) from their wire form on every call, because a <see cref="DnsName"/> is a
/// view and cannot be kept in a field.
/// </summary>
internal static class GeneratedDnsWriter
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<byte> destination, ushort id, uint address1, uint address2)
    {
        if (!DnsName.TryRead(DnsSample.WwwName, 0, out DnsName www, out _) || !DnsName.TryRead(DnsSample.WebName, 0, out DnsName web, out _)
            || destination.Length < DnsMessage.MinimumSize)
        {
            return 0;
        }

        Span<byte> addresses = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(addresses, address1);
        BinaryPrimitives.WriteUInt32BigEndian(addresses[4..], address2);

        int position = DnsMessage.MinimumSize;
        var questions = new MessageListWriter<DnsQuestion>(destination[position..]);
        if (!questions.TryAdd(new DnsQuestion { Name = www, Type = DnsType.A, Class = DnsClass.IN }, out _))
        {
            return 0;
        }

        position += questions.BytesWritten;
        // scoped: the records refer to the stack-allocated addresses, so the writer must not outlive them.
        scoped var answers = new MessageListWriter<DnsResourceRecord>(destination[position..]);
        if (!answers.TryAdd(new DnsResourceRecord { Name = www, Type = DnsType.CNAME, Class = DnsClass.IN, Ttl = DnsSample.CnameTtl, RData = DnsSample.WebName }, out _)
            || !answers.TryAdd(new DnsResourceRecord { Name = web, Type = DnsType.A, Class = DnsClass.IN, Ttl = DnsSample.ATtl, RData = addresses[..4] }, out _)
            || !answers.TryAdd(new DnsResourceRecord { Name = web, Type = DnsType.A, Class = DnsClass.IN, Ttl = DnsSample.ATtl, RData = addresses[4..] }, out _))
        {
            return 0;
        }

        position += answers.BytesWritten;
        var additionals = new MessageListWriter<DnsResourceRecord>(destination[position..]);
        if (!additionals.TryAdd(new DnsResourceRecord { Name = DnsName.Root, Type = DnsType.OPT, Class = (DnsClass)DnsSample.UdpPayloadSize, Ttl = 0x8000 }, out _))
        {
            return 0;
        }

        var message = new DnsMessage
        {
            Id = id, Flags = { Qr = true, Rd = true, Ra = true },
            Questions = questions.ToList(), Answers = answers.ToList(), Additionals = additionals.ToList(),
        };
        return message.TryWrite(destination, out int written) ? written : 0;
    }
    /// <summary>
    /// The sample response written with the generated compressing writers: each question and record through its
    /// <c>TryWrite(message, ref position, DnsNameCompressor, out int)</c> (the bool form; one compressor for the whole message, reset per
    /// message), then the header by the generated <see cref="DnsMessage.TryWrite(Span{byte}, out int)"/> of a
    /// <see cref="DnsMessage"/> without sections whose counts are given (a nonzero count is written as it is; the
    /// sections already lie after the header). 94 octets:
    /// owner names are compressed, and so is the CNAME target (RDATA of a type whose names RFC 1035 lets a writer
    /// compress; the record sets RDLENGTH after it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WriteCompressed(Span<byte> destination, ushort id, uint address1, uint address2, DnsNameCompressor compressor)
    {
        if (!DnsName.TryRead(DnsSample.WwwName, 0, out DnsName www, out _) || !DnsName.TryRead(DnsSample.WebName, 0, out DnsName web, out _))
        {
            return 0;
        }

        compressor.Reset();
        Span<byte> addresses = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(addresses, address1);
        BinaryPrimitives.WriteUInt32BigEndian(addresses[4..], address2);
        int position = DnsMessage.MinimumSize;
        if (!new DnsQuestion { Name = www, Type = DnsType.A, Class = DnsClass.IN }.TryWrite(destination, ref position, compressor, out _)
            || !new DnsResourceRecord { Name = www, Type = DnsType.CNAME, Class = DnsClass.IN, Ttl = DnsSample.CnameTtl, RData = DnsSample.WebName }.TryWrite(destination, ref position, compressor, out _)
            || !new DnsResourceRecord { Name = web, Type = DnsType.A, Class = DnsClass.IN, Ttl = DnsSample.ATtl, RData = addresses[..4] }.TryWrite(destination, ref position, compressor, out _)
            || !new DnsResourceRecord { Name = web, Type = DnsType.A, Class = DnsClass.IN, Ttl = DnsSample.ATtl, RData = addresses[4..] }.TryWrite(destination, ref position, compressor, out _)
            || !new DnsResourceRecord { Name = DnsName.Root, Type = DnsType.OPT, Class = (DnsClass)DnsSample.UdpPayloadSize, Ttl = 0x8000 }.TryWrite(destination, ref position, compressor, out _))
        {
            return 0;
        }

        // The header: a DnsMessage without sections, its counts given (nonzero counts are written as they are).
        var header = new DnsMessage { Id = id, Flags = { Qr = true, Rd = true, Ra = true }, QdCount = 1, AnCount = 3, ArCount = 1 };
        return header.TryWrite(destination, out _) ? position : 0;
    }
}
