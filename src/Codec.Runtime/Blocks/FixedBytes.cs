using System.Runtime.CompilerServices;

namespace Codec;

// Fixed-size byte blocks for message fields (DHCP chaddr/sname/file and the like). Any [InlineArray(N)] struct whose
// only field is a byte works as a field type; these are the common sizes. In views they are spans over the buffer.

/// <summary>4 bytes held inline.</summary>
[InlineArray(4)]
public struct FixedBytes4
{
    private byte _element0;
}

/// <summary>6 bytes held inline.</summary>
[InlineArray(6)]
public struct FixedBytes6
{
    private byte _element0;
}

/// <summary>8 bytes held inline.</summary>
[InlineArray(8)]
public struct FixedBytes8
{
    private byte _element0;
}

/// <summary>16 bytes held inline (DHCP <c>chaddr</c>).</summary>
[InlineArray(16)]
public struct FixedBytes16
{
    private byte _element0;
}

/// <summary>32 bytes held inline.</summary>
[InlineArray(32)]
public struct FixedBytes32
{
    private byte _element0;
}

/// <summary>64 bytes held inline (DHCP <c>sname</c>).</summary>
[InlineArray(64)]
public struct FixedBytes64
{
    private byte _element0;
}

/// <summary>128 bytes held inline (DHCP <c>file</c>).</summary>
[InlineArray(128)]
public struct FixedBytes128
{
    private byte _element0;
}
