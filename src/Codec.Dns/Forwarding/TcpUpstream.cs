using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Codec.Dns.Forwarding;

/// <summary>Asks an upstream over TCP (RFC 7766) when its UDP answer came back truncated.</summary>
internal static class TcpUpstream
{
    public static async Task<(byte[] Response, ushort Id)?> QueryAsync(byte[] query, IPEndPoint upstream, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        ushort id = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        byte[] framed = new byte[2 + query.Length];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)query.Length);
        query.CopyTo(framed, 2);
        BinaryPrimitives.WriteUInt16BigEndian(framed.AsSpan(2), id);
        try
        {
            using var socket = new Socket(upstream.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(upstream, timer.Token).ConfigureAwait(false);
            await socket.SendAsync(framed, SocketFlags.None, timer.Token).ConfigureAwait(false);
            byte[] prefix = new byte[2];
            if (!await ReadExactlyAsync(socket, prefix, timer.Token).ConfigureAwait(false))
            {
                return null;
            }

            byte[] response = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            return await ReadExactlyAsync(socket, response, timer.Token).ConfigureAwait(false) ? (response, id) : null;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await socket.ReceiveAsync(buffer[read..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
