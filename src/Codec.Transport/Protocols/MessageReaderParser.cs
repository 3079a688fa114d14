using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Codec.Transport.Protocols;

/// <summary>Runs an <see cref="IMessageReader{TMessage}"/> in <see cref="ProtocolReader"/>'s loop; its <see cref="IMessageReaderStatus"/>, if any, tells invalid input apart.</summary>
/// <typeparam name="TMessage">The message type.</typeparam>
internal readonly struct MessageReaderParser<TMessage>(IMessageReader<TMessage> reader) : IInputParser<TMessage>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryParse(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, [MaybeNullWhen(false)] out TMessage message) =>
        reader.TryParseMessage(input, ref consumed, ref examined, out message);

    public bool IsInvalid(out CodecError detail)
    {
        if (reader is IMessageReaderStatus { LastResult: { Status: CodecStatus.InvalidData } last })
        {
            detail = last.Error;
            return true;
        }

        detail = default;
        return false;
    }
}
