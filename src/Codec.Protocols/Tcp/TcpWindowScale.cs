namespace Codec.Protocols.Tcp;

// RFC 7323 §2.2, Window Scale option data (kind 3, length 3):
//
//    +---------+---------+---------+
//    | Kind=3  |Length=3 |shift.cnt|
//    +---------+---------+---------+

/// <summary>The data of a Window Scale option.</summary>
[Message(Name = "Window Scale")]
public partial struct TcpWindowScale
{
    /// <summary>The shift count applied to the receive window (at most 14).</summary>
    [Field(0, Name = "Shift Count")]
    public byte ShiftCount;
}
