using System.Text;
using Codec.Dns;

namespace Codec.Runtime.Tests.Dns;

/// <summary>Messages and names the DNS tests share, and a slow reference reader written apart from the runtime.</summary>
internal static class DnsTestData
{
    /// <summary>
    /// RFC 1035 §4.1.4's example: F.ISI.ARPA at 20, FOO.F.ISI.ARPA at 40 (FOO then a pointer to 20), ARPA at 64 (a
    /// pointer to 26, inside the first name), the root at 92. Everything else is zero.
    /// </summary>
    public static byte[] Rfc1035Example()
    {
        var m = new byte[93];
        byte[] fIsiArpa = [1, (byte)'F', 3, (byte)'I', (byte)'S', (byte)'I', 4, (byte)'A', (byte)'R', (byte)'P', (byte)'A', 0];
        fIsiArpa.CopyTo(m, 20);
        byte[] foo = [3, (byte)'F', (byte)'O', (byte)'O', 0xC0, 20];
        foo.CopyTo(m, 40);
        m[64] = 0xC0;
        m[65] = 26;
        m[92] = 0;
        return m;
    }

    /// <summary>A 12-octet header (QDCOUNT 1) followed by <paramref name="body"/>.</summary>
    public static byte[] WithHeader(params byte[] body)
    {
        var m = new byte[12 + body.Length];
        m[5] = 1;
        body.CopyTo(m, 12);
        return m;
    }

    /// <summary>Labels (ASCII text, or raw octets) to uncompressed wire form; no validation, so that tests can build bad names.</summary>
    public static byte[] Wire(params object[] labels)
    {
        var bytes = new List<byte>();
        foreach (object label in labels)
        {
            byte[] octets = label switch
            {
                string s => Encoding.Latin1.GetBytes(s),
                byte[] b => b,
                _ => throw new ArgumentException("string or byte[]", nameof(labels)),
            };
            bytes.Add((byte)octets.Length);
            bytes.AddRange(octets);
        }

        bytes.Add(0);
        return bytes.ToArray();
    }

    /// <summary>A name of exactly <paramref name="wireLength"/> octets (≥ 2) made of labels of at most 63 'a's.</summary>
    public static byte[] NameOfLength(int wireLength)
    {
        var labels = new List<object>();
        int remaining = wireLength - 1;   // without the root
        while (remaining > 0)
        {
            int content = Math.Min(63, remaining - 1);
            if (remaining - (content + 1) == 1)
            {
                content--;   // a 1-octet remainder cannot be a label; shorten this one
            }

            labels.Add(new string('a', content));
            remaining -= content + 1;
        }

        byte[] wire = Wire(labels.ToArray());
        if (wire.Length != wireLength)
        {
            throw new InvalidOperationException($"built {wire.Length} octets, wanted {wireLength}");
        }

        return wire;
    }

    /// <summary>The labels of a name the runtime read, as arrays.</summary>
    public static List<byte[]> Labels(DnsName name)
    {
        var labels = new List<byte[]>();
        foreach (ReadOnlySpan<byte> label in name)
        {
            labels.Add(label.ToArray());
        }

        return labels;
    }

    public static string Show(IEnumerable<byte[]> labels) => string.Join(".", labels.Select(Convert.ToHexString)) + ".";
}

/// <summary>What the reference reader concludes.</summary>
internal enum ReferenceOutcome
{
    Ok,
    Truncated,
    BadLabelType,
    TooLong,
    BadPointer,
}

/// <summary>
/// RFC 1035 §4.1.4 read the slow, literal way (the shape of dnspython's <c>Name.from_wire</c>): a list of labels,
/// each pointer must point below the previous one (or below the name's start), at most 127 pointers, at most 255
/// octets uncompressed.
/// </summary>
internal static class ReferenceDnsName
{
    public sealed record Result(ReferenceOutcome Outcome, List<byte[]> Labels, int Consumed);

    public static Result Read(byte[] message, int start)
    {
        var labels = new List<byte[]>();
        int current = start;
        int lowestAllowed = start;   // the next pointer must point strictly below this
        int consumed = -1;
        int uncompressed = 1;        // the root octet
        int pointers = 0;
        while (true)
        {
            if (current >= message.Length)
            {
                return new(ReferenceOutcome.Truncated, labels, 0);
            }

            int count = message[current++];
            if (count == 0)
            {
                return new(ReferenceOutcome.Ok, labels, consumed < 0 ? current - start : consumed);
            }

            if (count < 64)
            {
                if (current + count > message.Length)
                {
                    return new(ReferenceOutcome.Truncated, labels, 0);
                }

                uncompressed += 1 + count;
                if (uncompressed > 255)
                {
                    return new(ReferenceOutcome.TooLong, labels, 0);
                }

                labels.Add(message.AsSpan(current, count).ToArray());
                current += count;
            }
            else if (count >= 192)
            {
                if (current >= message.Length)
                {
                    return new(ReferenceOutcome.Truncated, labels, 0);
                }

                int target = ((count - 192) * 256) + message[current++];
                if (consumed < 0)
                {
                    consumed = current - start;
                }

                if (target >= message.Length || target >= lowestAllowed || ++pointers > 127)
                {
                    return new(ReferenceOutcome.BadPointer, labels, 0);
                }

                lowestAllowed = target;
                current = target;
            }
            else
            {
                return new(ReferenceOutcome.BadLabelType, labels, 0);
            }
        }
    }

    /// <summary>Whether the runtime's verdict agrees with the reference's.</summary>
    public static bool Agrees(ReferenceOutcome outcome, ReadResult result) => outcome switch
    {
        ReferenceOutcome.Ok => result.Status == CodecStatus.Done,
        ReferenceOutcome.Truncated => result.Status == CodecStatus.NeedMoreData && result.Error.Kind == CodecErrorKind.Truncated,
        ReferenceOutcome.BadLabelType => result.Status == CodecStatus.InvalidData && result.Error.Kind == CodecErrorKind.LabelTooLong,
        ReferenceOutcome.TooLong => result.Status == CodecStatus.InvalidData && result.Error.Kind == CodecErrorKind.NameTooLong,
        ReferenceOutcome.BadPointer => result.Status == CodecStatus.InvalidData
            && result.Error.Kind is CodecErrorKind.PointerOutOfRange or CodecErrorKind.CompressionLoop,
        _ => false,
    };
}
