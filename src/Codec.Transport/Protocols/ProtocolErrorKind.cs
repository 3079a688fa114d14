namespace Codec.Transport.Protocols;

/// <summary>Why a <see cref="ProtocolReader"/> stopped reading a connection before its peer finished cleanly.</summary>
public enum ProtocolErrorKind : byte
{
    /// <summary>No error: the peer closed its side between messages, or a close was requested.</summary>
    None = 0,

    /// <summary>The buffered input reached the maximum message size without holding a whole message.</summary>
    MessageTooLarge,

    /// <summary>The message reader rejected the input (<see cref="ProtocolError.Detail"/> says where and why).</summary>
    InvalidData,

    /// <summary>The peer closed its side in the middle of a message.</summary>
    Truncated,
}
