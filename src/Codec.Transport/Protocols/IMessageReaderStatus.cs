namespace Codec.Transport.Protocols;

/// <summary>
/// Optional companion of <see cref="IMessageReader{TMessage}"/>: says why the last
/// <see cref="IMessageReader{TMessage}.TryParseMessage"/> returned false. <see cref="ProtocolReader"/> uses it to tell
/// "wait for more bytes" (<see cref="CodecStatus.NeedMoreData"/>) from "this input is not a message"
/// (<see cref="CodecStatus.InvalidData"/>), and closes the connection with the error in the second case.
/// </summary>
/// <remarks>
/// A reader with a status holds per-read state, so it must not be shared by connections that read concurrently: create
/// one per connection (they are small).
/// </remarks>
public interface IMessageReaderStatus
{
    /// <summary>What the last failed read found: NeedMoreData, or InvalidData with the field and offset.</summary>
    ReadResult LastResult { get; }
}
