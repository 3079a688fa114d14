using System.Buffers;
using Codec.Transport.Datagrams;

namespace Codec.Dns.Server;

/// <summary>Serves DNS over UDP without a forwarder: every answer is computed synchronously into the pooled reply buffer.</summary>
internal sealed class DnsDatagramHandler(DnsResponder responder) : IDatagramHandler
{
    public bool Handle(in DatagramContext context, ReadOnlySpan<byte> request, IBufferWriter<byte> reply)
    {
        Span<byte> buffer = reply.GetSpan(responder.MaxUdpPayload);
        int length = responder.Respond(request, buffer, overTcp: false);
        if (length <= 0)
        {
            return false;
        }

        reply.Advance(length);
        return true;
    }
}

/// <summary>Serves DNS over UDP with a forwarder: answers that need no upstream complete synchronously.</summary>
internal sealed class DnsAsyncDatagramHandler(DnsResponder responder) : IAsyncDatagramHandler
{
    public ValueTask<bool> HandleAsync(DatagramContext context, ReadOnlyMemory<byte> request, IBufferWriter<byte> reply, CancellationToken cancellationToken)
    {
        Memory<byte> buffer = reply.GetMemory(responder.MaxUdpPayload);
        ValueTask<int> answer = responder.RespondAsync(request, buffer, overTcp: false, cancellationToken);
        if (answer.IsCompletedSuccessfully)
        {
            return new ValueTask<bool>(Complete(answer.Result, reply));
        }

        return AwaitAsync(answer, reply);
    }

    private static async ValueTask<bool> AwaitAsync(ValueTask<int> answer, IBufferWriter<byte> reply) =>
        Complete(await answer.ConfigureAwait(false), reply);

    private static bool Complete(int length, IBufferWriter<byte> reply)
    {
        if (length <= 0)
        {
            return false;
        }

        reply.Advance(length);
        return true;
    }
}
