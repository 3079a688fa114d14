namespace Codec.Transport.Protocols;

/// <summary>
/// Handles a message where it lies in the input: <see cref="ProtocolReader"/> calls <see cref="Handle"/> while the
/// bytes the message points into are still buffered, then moves past them. This is how messages that are ref structs
/// (the variable-length views the generator emits, such as a DNS message) are consumed from a connection; fixed
/// (struct) messages work the same way.
/// </summary>
/// <remarks>
/// Implement it on a struct (the read loop is then compiled for it: no boxing, no virtual call) or a class. The handler
/// is passed by value to each read, so keep state that must outlive a message in objects it refers to (a
/// <see cref="System.IO.Pipelines.PipeWriter"/> to answer into, counters in a class). <see cref="Handle"/> runs
/// synchronously and must not read from the same <see cref="ProtocolReader"/>; answers are written to the output and
/// flushed after the read returns.
/// </remarks>
/// <typeparam name="TMessage">The message type; may be a ref struct.</typeparam>
public interface IMessageHandler<TMessage>
    where TMessage : allows ref struct
{
    /// <summary>Handles one message. The message, and every span it holds, is valid only during the call.</summary>
    /// <param name="message">The message, read in place.</param>
    void Handle(scoped in TMessage message);
}
