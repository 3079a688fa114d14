using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Codec.Protocols.Dns;

namespace Codec.Protocols.Frames;

/// <summary>DNS, over UDP and over TCP with its 2-byte length; DHCP is in FrameWalk.Dhcp.</summary>
internal ref partial struct FrameWalk
{
    /// <summary>The DNS message, each question and record summed up in a line as dig's sections do.</summary>
    public readonly void Dns(int offset, int end)
    {
        ReadOnlySpan<byte> payload = _frame[offset..end];
        var dns = DnsMessage.Dissect(payload);
        JsonObject? values = null;
        if (DnsMessage.TryRead(payload, out var message).IsDone)
        {
            var questions = new JsonArray();
            foreach (DnsQuestion question in message.Questions)
            {
                dns = dns.Annotate("Query", $"{question.Name.ToString()} {DnsText.Class(question.Class)} {DnsText.Type(question.Type)}");
                questions.Add((JsonNode)new JsonObject
                {
                    ["name"] = question.Name.ToString(),
                    ["type"] = DnsText.Type(question.Type),
                    ["class"] = DnsText.Class(question.Class),
                });
            }

            values = new JsonObject
            {
                ["questions"] = questions,
                ["answers"] = Records(ref dns, "Answer", message.Answers),
                ["authorities"] = Records(ref dns, "Authority", message.Authorities),
                ["additionals"] = Records(ref dns, "Additional", message.Additionals),
            };
        }

        Add("dns", dns, offset, values: values);
    }

    /// <summary>RFC 1035 §4.2.2 (RFC 7766): each message after a 2-byte length. Segments are not reassembled.</summary>
    private readonly void DnsOverTcp(int offset, int end)
    {
        while (end - offset >= 2)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(_frame[offset..]);
            if (offset + 2 + length > end)
            {
                Data(offset, end, $"DNS over TCP: a message of {length} bytes that continues in later segments (not reassembled)");
                return;
            }

            Dns(offset + 2, offset + 2 + length);
            offset += 2 + length;
        }

        Data(offset, end);
    }

    private static JsonArray Records(ref MessageDissection dns, string section, MessageList<DnsResourceRecord> records)
    {
        var list = new JsonArray();
        foreach (DnsResourceRecord record in records)
        {
            string data = DnsPresentation.Data(record);
            dns = dns.Annotate(section, $"{record.Name.ToString()} {record.Ttl} {DnsText.Class(record.Class)} {DnsText.Type(record.Type)} {data}");
            list.Add((JsonNode)new JsonObject
            {
                ["name"] = record.Name.ToString(),
                ["type"] = DnsText.Type(record.Type),
                ["class"] = DnsText.Class(record.Class),
                ["ttl"] = record.Ttl,
                ["data"] = data,
            });
        }

        return list;
    }
}
