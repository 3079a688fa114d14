namespace Codec;

/// <summary>The outcome of a read or a write, in the spirit of <see cref="System.Buffers.OperationStatus"/>.</summary>
public enum CodecStatus : byte
{
    /// <summary>The whole message was read or written.</summary>
    Done = 0,

    /// <summary>The input ended before the message did; read again with more data.</summary>
    NeedMoreData = 1,

    /// <summary>The input (or, when writing, the value) breaks the format; <see cref="CodecError"/> says where and why.</summary>
    InvalidData = 2,

    /// <summary>The destination is too small for the message.</summary>
    DestinationTooSmall = 3,
}
