namespace Codec.Protocols.Capture;

/// <summary>pcapng block types this library reads (draft-ietf-opsawg-pcapng §11.1); others are skipped.</summary>
public static class PcapngBlockType
{
    /// <summary>Section Header Block: a palindrome, so it reads the same in either byte order.</summary>
    public const uint SectionHeader = 0x0A0D0D0A;

    /// <summary>Interface Description Block.</summary>
    public const uint InterfaceDescription = 0x00000001;

    /// <summary>Simple Packet Block.</summary>
    public const uint SimplePacket = 0x00000003;

    /// <summary>Enhanced Packet Block.</summary>
    public const uint EnhancedPacket = 0x00000006;

    /// <summary>The Byte-Order Magic of a Section Header Block, as read in the section's own byte order.</summary>
    public const uint ByteOrderMagic = 0x1A2B3C4D;
}
