namespace Codec.Runtime.Tests.Dissection;

public class SnakeCaseTests
{
    [Theory]
    [InlineData("TotalLength", "total_length")]
    [InlineData("IPv4Address", "ipv4_address")]
    [InlineData("IPv6Address", "ipv6_address")]
    [InlineData("Ttl", "ttl")]
    [InlineData("SourcePort", "source_port")]
    [InlineData("ID", "id")]
    [InlineData("HeaderChecksum", "header_checksum")]
    [InlineData("Version", "version")]
    [InlineData("Ihl", "ihl")]
    [InlineData("DontFragment", "dont_fragment")]
    [InlineData("Ipv4Header", "ipv4_header")]
    [InlineData("SourceIPv4", "source_ipv4")]
    [InlineData("SourceIPv4Address", "source_ipv4_address")]
    [InlineData("ClientMACAddress", "client_mac_address")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("ECN", "ecn")]
    [InlineData("Option2Length", "option2_length")]
    [InlineData("Field1", "field1")]
    [InlineData("ValueOutOfRange", "value_out_of_range")]
    [InlineData("ConstantMismatch", "constant_mismatch")]
    [InlineData("Truncated", "truncated")]
    [InlineData("x", "x")]
    [InlineData("X", "x")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("", "")]
    public void SnakeCase(string name, string expected)
    {
        Assert.Equal(expected, DissectionJson.SnakeCase(name));
    }

    [Theory]
    [InlineData(CodecStatus.Done, "ok")]
    [InlineData(CodecStatus.NeedMoreData, "truncated")]
    [InlineData(CodecStatus.InvalidData, "invalid")]
    [InlineData(CodecStatus.DestinationTooSmall, "invalid")]
    public void StatusName(CodecStatus status, string expected)
    {
        Assert.Equal(expected, DissectionJson.StatusName(status));
    }
}
