namespace Codec.Transport.Datagrams;

/// <summary>Socket-level settings for <see cref="IDatagramSocketFactory.Bind"/>.</summary>
public sealed record DatagramSocketOptions
{
    /// <summary>The defaults: the operating system's buffer sizes.</summary>
    public static DatagramSocketOptions Default { get; } = new();

    /// <summary>SO_RCVBUF in bytes (the kernel caps it at net.core.rmem_max); 0 keeps the system default.</summary>
    public int ReceiveBufferSize { get; init; }

    /// <summary>SO_SNDBUF in bytes (the kernel caps it at net.core.wmem_max); 0 keeps the system default.</summary>
    public int SendBufferSize { get; init; }
}
