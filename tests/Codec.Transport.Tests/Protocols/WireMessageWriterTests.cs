using System.Buffers;
using Codec.Protocols.Dns;
using Codec.Transport.Framing;
using Codec.Transport.Protocols;

namespace Codec.Transport.Tests.Protocols;

/// <summary>Variable-length generated messages (ref structs) go through the same generic writers as fixed ones.</summary>
public class WireMessageWriterTests
{
    [Fact]
    public void A_dns_message_read_in_place_is_written_back_with_its_length_prefix()
    {
        Assert.True(DnsMessage.TryRead(DnsSamples.Query, out DnsMessage query).IsDone);
        var output = new ArrayBufferWriter<byte>();

        new LengthPrefixedWriter<DnsMessage>(new WireMessageWriter<DnsMessage>()).WriteMessage(query, output);

        Assert.Equal(DnsSamples.Framed(DnsSamples.Query), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void A_dns_message_with_compressed_names_is_written_so_that_it_reads_back_the_same()
    {
        Assert.True(DnsMessage.TryRead(DnsSamples.Response, out DnsMessage response).IsDone);
        var output = new ArrayBufferWriter<byte>();

        new WireMessageWriter<DnsMessage>().WriteMessage(response, output);

        Assert.Equal(DnsSamples.Describe(DnsSamples.Response), DnsSamples.Describe(output.WrittenSpan.ToArray()));
    }
}
