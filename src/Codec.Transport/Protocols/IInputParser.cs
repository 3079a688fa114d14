using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Codec.Transport.Protocols;

/// <summary>Why the last <see cref="IInputParser{TMessage}.TryParse"/> found no message: invalid input, or (false) a wait for more.</summary>
internal interface IInputParserStatus
{
    /// <summary>True when the input can never become a message; <paramref name="detail"/> then says why, when known.</summary>
    bool IsInvalid(out CodecError detail);
}

/// <summary>
/// What <see cref="ProtocolReader"/>'s read loop runs on the buffered input: a struct, so that the loop is compiled for
/// each parser and calls it directly (an <see cref="IMessageReader{TMessage}"/>, or an in-place read and handler).
/// </summary>
/// <typeparam name="TMessage">What a successful parse yields.</typeparam>
internal interface IInputParser<TMessage> : IInputParserStatus
{
    /// <summary>Parses one message from the start of <paramref name="input"/>, as <see cref="IMessageReader{TMessage}.TryParseMessage"/>.</summary>
    bool TryParse(in ReadOnlySequence<byte> input, ref SequencePosition consumed, ref SequencePosition examined, [MaybeNullWhen(false)] out TMessage message);
}
