using System.Text.Json;

namespace Codec.Runtime.Tests.Dissection;

public class DissectionJsonTests
{
    [Fact]
    public void ToJson_of_a_complete_message()
    {
        var dissection = DissectionTextTests.Ipv4(ReadResult.Done(23));
        Assert.Equal(
            "{\"protocol\":\"Internet Protocol Version 4\",\"type\":\"Ipv4Header\",\"offset\":0,\"length\":23,\"status\":\"ok\"," +
            "\"fields\":{\"version\":4,\"ihl\":5,\"total_length\":115,\"dont_fragment\":true,\"more_fragments\":false," +
            "\"fragment_offset\":0,\"protocol\":17,\"source\":\"192.168.0.1\",\"options\":\"01 01\",\"reserved\":0}}",
            DissectionJson.ToJson(dissection));
    }

    [Fact]
    public void ToJson_indented_is_the_same_document()
    {
        var dissection = DissectionTextTests.Ipv4(ReadResult.Done(23)).At(14);
        string indented = DissectionJson.ToJson(dissection, indented: true);
        Assert.Contains("\n", indented);
        using var doc = JsonDocument.Parse(indented);
        var root = doc.RootElement;
        Assert.Equal(14, root.GetProperty("offset").GetInt32());
        Assert.Equal(23, root.GetProperty("length").GetInt32());
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.False(root.TryGetProperty("error", out _));
        var fields = root.GetProperty("fields");
        Assert.Equal(JsonValueKind.True, fields.GetProperty("dont_fragment").ValueKind);
        Assert.Equal(JsonValueKind.Number, fields.GetProperty("protocol").ValueKind);
        Assert.Equal("192.168.0.1", fields.GetProperty("source").GetString());
        Assert.Equal(
            ["version", "ihl", "total_length", "dont_fragment", "more_fragments", "fragment_offset", "protocol", "source", "options", "reserved"],
            fields.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void ToJson_of_a_failed_message_has_the_error()
    {
        var builder = new DissectionBuilder("Internet Protocol Version 4", "Ipv4Header", ByteOrder.BigEndian);
        builder.Add("Version", "Version", 0, 4, 6, "6", FieldKind.Integer);
        var dissection = builder.Complete(ReadResult.Invalid(new CodecError(CodecErrorKind.ConstantMismatch, "Version", 0, 4, 6)));

        using var doc = JsonDocument.Parse(DissectionJson.ToJson(dissection));
        var root = doc.RootElement;
        Assert.Equal("invalid", root.GetProperty("status").GetString());
        Assert.Equal(0, root.GetProperty("length").GetInt32());
        var error = root.GetProperty("error");
        Assert.Equal("constant_mismatch", error.GetProperty("kind").GetString());
        Assert.Equal("version", error.GetProperty("field").GetString());
        Assert.Equal(0, error.GetProperty("offset").GetInt32());
        Assert.Equal(0, error.GetProperty("bit_offset").GetInt32());
        Assert.Equal("constant mismatch in field 'Version' at byte 0 (bit 0): expected 4, got 6", error.GetProperty("message").GetString());
        Assert.Equal(6, root.GetProperty("fields").GetProperty("version").GetInt32());
        Assert.Equal(["protocol", "type", "offset", "length", "status", "error", "fields"], root.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void ToJson_of_a_truncated_message()
    {
        var builder = new DissectionBuilder("UDP", "UdpHeader", ByteOrder.BigEndian);
        builder.Add("SourcePort", "Source Port", 0, 16, 53, "53", FieldKind.Integer);
        var dissection = builder.Complete(ReadResult.NeedMoreData("DestinationPort", 16, 8, 3));
        using var doc = JsonDocument.Parse(DissectionJson.ToJson(dissection));
        var root = doc.RootElement;
        Assert.Equal("truncated", root.GetProperty("status").GetString());
        var error = root.GetProperty("error");
        Assert.Equal("truncated", error.GetProperty("kind").GetString());
        Assert.Equal("destination_port", error.GetProperty("field").GetString());
        Assert.Equal(2, error.GetProperty("offset").GetInt32());
        Assert.Equal(16, error.GetProperty("bit_offset").GetInt32());
        Assert.Equal(53, root.GetProperty("fields").GetProperty("source_port").GetInt32());
    }

    [Fact]
    public void WriteError_without_a_field_omits_it()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            DissectionJson.WriteError(writer, new CodecError(CodecErrorKind.DestinationTooSmall, null, 0, 20, 10));
            writer.WriteEndObject();
        }

        using var doc = JsonDocument.Parse(stream.ToArray());
        var error = doc.RootElement.GetProperty("error");
        Assert.Equal("destination_too_small", error.GetProperty("kind").GetString());
        Assert.False(error.TryGetProperty("field", out _));
    }

    [Fact]
    public void Full_width_values_are_written_exactly()
    {
        var builder = new DissectionBuilder("Wide", "Wide", ByteOrder.BigEndian);
        builder.Add("Counter", "Counter", 0, 64, ulong.MaxValue, ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), FieldKind.Integer);
        string json = DissectionJson.ToJson(builder.Complete(ReadResult.Done(8)));
        Assert.Contains("\"counter\":18446744073709551615", json);
    }
}
