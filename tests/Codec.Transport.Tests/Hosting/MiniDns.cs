using System.Buffers;
using System.Buffers.Binary;
using Codec.Protocols.Dns;
using Codec.Transport.Datagrams;
using Codec.Transport.Framing;
using Codec.Transport.Protocols;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Codec.Transport.Tests.Hosting;

/// <summary>
/// A toy DNS responder, as a service would host one: it answers each query with the query itself, QR set and RCODE
/// NOTIMP (RFC 1035 §4.1.1), over UDP and over TCP (2-byte length prefix, RFC 1035 §4.2.2), reading the query in place.
/// </summary>
internal static class MiniDns
{
    /// <summary>Writes the answer to <paramref name="query"/>: the same bytes, QR set, RCODE 4.</summary>
    public static void Answer(ReadOnlySpan<byte> query, IBufferWriter<byte> output)
    {
        Span<byte> answer = output.GetSpan(query.Length)[..query.Length];
        query.CopyTo(answer);
        answer[2] |= 0x80;
        answer[3] = (byte)((answer[3] & 0xF0) | 4);
        output.Advance(query.Length);
    }

    /// <summary>The UDP side: parses the query (dropping what is no DNS message) and answers it.</summary>
    public sealed class DatagramHandler : IDatagramHandler
    {
        public bool Handle(in DatagramContext context, ReadOnlySpan<byte> request, IBufferWriter<byte> reply)
        {
            ReadResult read = DnsMessage.TryRead(request, out DnsMessage query);
            if (!read.IsDone || query.Flags.Qr)
            {
                return false;
            }

            Answer(request[..read.BytesConsumed], reply);
            return true;
        }
    }

    /// <summary>The TCP side, resolved with its dependencies from the host's services (<c>UseConnectionHandler&lt;T&gt;()</c>).</summary>
    public sealed class TcpHandler(ILogger<TcpHandler> logger) : ConnectionHandler
    {
        public override async Task OnConnectedAsync(ConnectionContext connection)
        {
            using var reader = new ProtocolReader(connection, logger);
            var framing = new LengthPrefixedPayloadReader();
            var answers = new FramedAnswers(connection.Transport.Output);
            while ((await reader.ReadAsync<DnsMessage, FramedAnswers>(framing, answers)).HasMessage)
            {
                await connection.Transport.Output.FlushAsync();
            }
        }
    }

    /// <summary>Answers a query read in place, framed with its length.</summary>
    private readonly struct FramedAnswers(IBufferWriter<byte> output) : IMessageHandler<DnsMessage>
    {
        public void Handle(scoped in DnsMessage message)
        {
            // The in-place message does not keep its bytes; re-serializing is the service's business. Here: rebuild the
            // header-only answer from the fields read (the test sends header-and-question queries and compares ids).
            Span<byte> header = stackalloc byte[12];
            BinaryPrimitives.WriteUInt16BigEndian(header, message.Id);
            header[2] = (byte)(0x80 | ((int)message.Flags.Opcode << 3) | (message.Flags.Rd ? 1 : 0));
            header[3] = 4;
            BinaryPrimitives.WriteUInt16BigEndian(output.GetSpan(2), (ushort)header.Length);
            output.Advance(2);
            output.Write(header);
        }
    }
}
