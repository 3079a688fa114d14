using System.Buffers;
using System.Buffers.Binary;
using Codec.Transport.Framing;
using Codec.Transport.Protocols;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging;

namespace Codec.Dns.Server;

/// <summary>
/// Serves DNS over TCP (RFC 7766 §8, RFC 1035 §4.2.2): each message is preceded by its two-octet length; queries on
/// one connection are answered in order. A broken frame closes the connection (the reader logs why).
/// </summary>
internal sealed class DnsStreamHandler(DnsResponder responder, ILogger logger)
{
    private const int PrefixSize = 2;

    public async Task HandleAsync(ConnectionContext connection)
    {
        using var reader = new ProtocolReader(connection, logger);
        var framing = new LengthPrefixedPayloadReader();
        byte[] request = ArrayPool<byte>.Shared.Rent(ushort.MaxValue);
        byte[] response = ArrayPool<byte>.Shared.Rent(PrefixSize + ushort.MaxValue);
        CancellationToken closed = connection.ConnectionClosed;
        try
        {
            while (true)
            {
                ProtocolReadResult<ReadOnlySequence<byte>> read = await reader.ReadAsync(framing, closed).ConfigureAwait(false);
                if (read.IsCanceled)
                {
                    continue;
                }

                if (!read.HasMessage)
                {
                    return;
                }

                int length = (int)read.Message.Length;
                read.Message.CopyTo(request);
                reader.Advance();
                int answer = await responder.RespondAsync(request.AsMemory(0, length), response.AsMemory(PrefixSize, ushort.MaxValue), overTcp: true, closed).ConfigureAwait(false);
                if (answer <= 0)
                {
                    continue;
                }

                BinaryPrimitives.WriteUInt16BigEndian(response, (ushort)answer);
                await connection.Transport.Output.WriteAsync(response.AsMemory(0, PrefixSize + answer), closed).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(request);
            ArrayPool<byte>.Shared.Return(response);
        }
    }
}
