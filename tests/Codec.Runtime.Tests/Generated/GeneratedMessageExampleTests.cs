using System.Buffers;
using System.Reflection;

namespace Codec.Runtime.Tests.Generated;

/// <summary>
/// Hand-worked examples for the test messages: bytes computed on paper (not by the reference codec), the exact
/// errors the docs promise, and the display strings of enums and flags.
/// </summary>
public sealed class GeneratedMessageExampleTests
{
    private static readonly byte[] Hardware16 = Convert.FromHexString("000102030405060708090a0b0c0d0e0f");

    private static FixedBytes16 Block(byte[] bytes)
    {
        FixedBytes16 block = default;
        bytes.CopyTo((Span<byte>)block);
        return block;
    }

    private static MixedBe SampleMixedBe() => new()
    {
        U3 = 5,
        U13 = 0x1ABC,
        U19 = 0x7FFFF,
        S13 = -5,
        U33 = 0x1_0000_0001,
        Kind = Proto3.Tcp,
        Flag = true,
        S19 = -262144,
        Version = 0x0B,
        S33 = -1,
        Control = Ctl6.Syn | Ctl6.Ack,
        U24 = 0xABCDEF,
        Mac = MacAddress.Parse("00:1a:2b:3c:4d:5e"),
        Source = IPv4Address.Parse("192.0.2.1"),
        SourceLe = IPv4Address.Parse("192.0.2.1"),
        Destination = IPv6Address.Parse("2001:db8::1"),
        Hardware = Block(Hardware16),
        LittleWord = 0x1234,
        LittleLong = 0xA1B2C3D4,
        Tail = 0x99,
    };

    private static MixedLe SampleMixedLe() => new()
    {
        U3 = 5,
        U13 = 0x1ABC,
        Kind = Proto3.Tcp,
        Version = 0x0B,
        Control = Ctl6.Syn | Ctl6.Ack,
        Mac = MacAddress.Parse("00:1a:2b:3c:4d:5e"),
        Source = IPv4Address.Parse("192.0.2.1"),
        SourceLe = IPv4Address.Parse("192.0.2.1"),
        Destination = IPv6Address.Parse("2001:db8::1"),
        Hardware = Block(Hardware16),
        BigWord = 0x1234,
        BigLong = 0xA1B2C3D4,
        Tail = 0x99,
        MacLe = MacAddress.Parse("00:1a:2b:3c:4d:5e"),
    };

    // ---------------------------------------------------------------------------------------------------------
    // Bytes worked out by hand

    [Fact]
    public void MixedBe_bytes_worked_out_by_hand()
    {
        byte[] bytes = new byte[MixedBe.Size];
        Assert.True(SampleMixedBe().TryWrite(bytes).IsDone);

        // 101 | 1 1010 1011 1100 → 1011 1010 1011 1100
        Assert.Equal("babc", Convert.ToHexStringLower(bytes, 0, 2));

        // U19 = all ones (bits 16–34), S13 = -5 = 1 1111 1111 1011 (bits 35–47):
        // 1111 1111 1111 1111 111|1 1111 1111 1011 → ff ff ff fb
        Assert.Equal("fffffffb", Convert.ToHexStringLower(bytes, 2, 4));

        // Bits 48–87: U33 = 2^32 + 1 (a one, 31 zeros, a one), Kind = 110, Flag = 1, reserved 000:
        // 10000000 00000000 00000000 00000000 1|110|1|000 → 80 00 00 00 e8
        Assert.Equal("80000000e8", Convert.ToHexStringLower(bytes, 6, 5));

        // S19 = -262144 = 100 0000 0000 0000 0000, Version = 01011 → 10000000 00000000 00001011
        Assert.Equal("80000b", Convert.ToHexStringLower(bytes, 11, 3));

        // S33 = -1 (33 ones), Control = 010010, spare 0, U24 = ab cd ef
        // 11111111 11111111 11111111 11111111 1|010010|0 | abcdef → ff ff ff ff a4 ab cd ef
        Assert.Equal("ffffffffa4abcdef", Convert.ToHexStringLower(bytes, 14, 8));

        Assert.Equal("001a2b3c4d5e", Convert.ToHexStringLower(bytes, 22, 6));          // MAC, network order
        Assert.Equal("c0000201", Convert.ToHexStringLower(bytes, 28, 4));              // 192.0.2.1
        Assert.Equal("010200c0", Convert.ToHexStringLower(bytes, 32, 4));              // 192.0.2.1, little-endian override
        Assert.Equal("20010db8000000000000000000000001", Convert.ToHexStringLower(bytes, 36, 16));
        Assert.Equal("000102030405060708090a0b0c0d0e0f", Convert.ToHexStringLower(bytes, 52, 16));
        Assert.Equal("3412", Convert.ToHexStringLower(bytes, 68, 2));                  // little-endian override
        Assert.Equal("d4c3b2a1", Convert.ToHexStringLower(bytes, 70, 4));              // little-endian override
        Assert.Equal("99", Convert.ToHexStringLower(bytes, 74, 1));

        Assert.True(MixedBe.TryRead(bytes, out MixedBe back).IsDone);
        Assert.Equal(SampleMixedBe(), back);
        Assert.Equal(-5, back.S13);
        Assert.Equal(-262144, back.S19);
        Assert.Equal(-1L, back.S33);
    }

    [Fact]
    public void MixedLe_bytes_worked_out_by_hand()
    {
        byte[] bytes = new byte[MixedLe.Size];
        Assert.True(SampleMixedLe().TryWrite(bytes).IsDone);

        // Little-endian: U3 in bits 0–2, U13 in bits 3–15 → 5 | 0x1ABC << 3 = 0xD5E5, least significant byte first.
        Assert.Equal("e5d5", Convert.ToHexStringLower(bytes, 0, 2));

        // Bits 48–87: U33 = 0 (bits 48–80), Kind = 6 (bits 81–83), Flag 0, reserved 0 → 6 << 33 in 5 bytes LE.
        Assert.Equal("000000000c", Convert.ToHexStringLower(bytes, 6, 5));

        // Bits 88–111: S19 = 0, Version = 0x0B at bits 107–111 → 0x0B << 19 = 0x580000 → 00 00 58.
        Assert.Equal("000058", Convert.ToHexStringLower(bytes, 11, 3));

        // Bits 112–175: S33 = 0, Control = 0x12 at bits 145–150 → 0x12 << 33 → byte 4 of the word = 0x24.
        Assert.Equal("0000000024000000", Convert.ToHexStringLower(bytes, 14, 8));

        Assert.Equal("001a2b3c4d5e", Convert.ToHexStringLower(bytes, 22, 6));          // addresses stay in network order
        Assert.Equal("c0000201", Convert.ToHexStringLower(bytes, 28, 4));
        Assert.Equal("010200c0", Convert.ToHexStringLower(bytes, 32, 4));              // explicit little-endian
        Assert.Equal("20010db8000000000000000000000001", Convert.ToHexStringLower(bytes, 36, 16));
        Assert.Equal("000102030405060708090a0b0c0d0e0f", Convert.ToHexStringLower(bytes, 52, 16));
        Assert.Equal("1234", Convert.ToHexStringLower(bytes, 68, 2));                  // big-endian override
        Assert.Equal("a1b2c3d4", Convert.ToHexStringLower(bytes, 70, 4));              // big-endian override
        Assert.Equal("99", Convert.ToHexStringLower(bytes, 74, 1));
        Assert.Equal("5e4d3c2b1a00", Convert.ToHexStringLower(bytes, 75, 6));          // MAC, little-endian override

        Assert.True(MixedLe.TryRead(bytes, out MixedLe back).IsDone);
        Assert.Equal(SampleMixedLe(), back);
    }

    [Fact]
    public void WideBe_and_WideLe_bytes_worked_out_by_hand()
    {
        byte[] be = new byte[WideBe.Size];
        Assert.True(new WideBe { U33 = 1, S13 = -1, LittleWord = 0x1234 }.TryWrite(be).IsDone);
        var expectedBe = new byte[22];
        expectedBe[8] = 0x10;   // U33's last bit is bit 67: byte 8, fourth bit from the top
        expectedBe[9] = 0xFF;   // S13 = 13 ones at bits 72–84
        expectedBe[10] = 0xF8;
        expectedBe[18] = 0xA8;  // Version 10101 at the top of byte 18
        expectedBe[20] = 0x34;  // little-endian override
        expectedBe[21] = 0x12;
        Assert.Equal(Convert.ToHexStringLower(expectedBe), Convert.ToHexStringLower(be));

        byte[] le = new byte[WideLe.Size];
        Assert.True(new WideLe { U33 = 1, S13 = -1, BigWord = 0x1234 }.TryWrite(le).IsDone);
        var expectedLe = new byte[22];
        expectedLe[4] = 0x08;   // U33's first (least significant) bit is bit 35: byte 4, bit 3
        expectedLe[9] = 0xFF;   // S13 at bits 72–84
        expectedLe[10] = 0x1F;
        expectedLe[18] = 0x15;  // Version in the low five bits of byte 18
        expectedLe[20] = 0x12;  // big-endian override
        expectedLe[21] = 0x34;
        Assert.Equal(Convert.ToHexStringLower(expectedLe), Convert.ToHexStringLower(le));

        Assert.Equal(-1, WideBe.Read(be).S13);
        Assert.Equal(-1, WideLe.Read(le).S13);
        Assert.Equal(1UL, WideBe.Read(be).U33);
        Assert.Equal(1UL, WideLe.Read(le).U33);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Errors

    [Fact]
    public void Writing_300_into_a_3_bit_field_is_value_out_of_range()
    {
        var message = new WideBe { U3 = 300 };
        WriteResult result = message.TryWrite(new byte[WideBe.Size]);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.ValueOutOfRange, result.Error.Kind);
        Assert.Equal("U3", result.Error.Field);
        Assert.Equal(0, result.Error.BitOffset);
        Assert.Equal(7UL, result.Error.Expected);
        Assert.Equal(300UL, result.Error.Actual);
        Assert.Contains("U3", result.Error.ToString());
    }

    [Fact]
    public void Writing_minus_5000_into_a_13_bit_signed_field_is_value_out_of_range()
    {
        MixedBe message = SampleMixedBe();
        message.S13 = -5000;
        WriteResult result = message.TryWrite(new byte[MixedBe.Size]);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.ValueOutOfRange, result.Error.Kind);
        Assert.Equal("S13", result.Error.Field);
        Assert.Equal(35, result.Error.BitOffset);
        Assert.Equal(4, result.Error.ByteOffset);
        Assert.Equal(0x1FFFUL, result.Error.Expected);

        // The smallest and largest 13-bit values are fine.
        message.S13 = -4096;
        Assert.True(message.TryWrite(new byte[MixedBe.Size]).IsDone);
        message.S13 = 4095;
        Assert.True(message.TryWrite(new byte[MixedBe.Size]).IsDone);
        message.S13 = 4096;
        Assert.Equal(CodecStatus.InvalidData, message.TryWrite(new byte[MixedBe.Size]).Status);
    }

    [Fact]
    public void Write_to_a_buffer_writer_advances_by_Size_only_on_success()
    {
        var writer = new ArrayBufferWriter<byte>();
        Assert.True(SampleMixedBe().Write(writer).IsDone);
        Assert.Equal(MixedBe.Size, writer.WrittenCount);

        MixedBe bad = SampleMixedBe();
        bad.U3 = 8;
        WriteResult result = bad.Write(writer);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(MixedBe.Size, writer.WrittenCount);
    }

    [Fact]
    public void Constant_mismatch_reports_field_offsets_expected_and_actual()
    {
        byte[] bytes = new byte[WideBe.Size];
        Assert.True(new WideBe().TryWrite(bytes).IsDone);
        bytes[18] = 0x10;   // Version = 00010 instead of 10101

        ReadResult result = WideBe.TryRead(bytes, out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.ConstantMismatch, result.Error.Kind);
        Assert.Equal("Version", result.Error.Field);
        Assert.Equal(144, result.Error.BitOffset);
        Assert.Equal(18, result.Error.ByteOffset);
        Assert.Equal(0x15UL, result.Error.Expected);
        Assert.Equal(0x02UL, result.Error.Actual);

        var exception = Assert.Throws<CodecException>(() => WideBe.Read(bytes));
        Assert.Equal(CodecStatus.InvalidData, exception.Status);
        Assert.Equal(result.Error, exception.Error);
        Assert.Contains("Version", exception.Message);
    }

    [Fact]
    public void Rejected_reserved_bits_report_ReservedNotZero()
    {
        byte[] bytes = new byte[WideBe.Size];
        Assert.True(new WideBe().TryWrite(bytes).IsDone);
        bytes[17] |= 0x05;  // bits 141 and 143 of the reserved bits 141–143

        ReadResult result = WideBe.TryRead(bytes, out _);
        Assert.Equal(CodecStatus.InvalidData, result.Status);
        Assert.Equal(CodecErrorKind.ReservedNotZero, result.Error.Kind);
        Assert.Equal("Reserved", result.Error.Field);
        Assert.Equal(141, result.Error.BitOffset);
        Assert.Equal(5UL, result.Error.Actual);

        // The ignored reserved bits (149–151) are accepted, and written back as zeros.
        Assert.True(new WideBe().TryWrite(bytes).IsDone);
        bytes[18] |= 0x07;
        Assert.True(WideBe.TryRead(bytes, out WideBe value).IsDone);
        byte[] again = new byte[WideBe.Size];
        Assert.True(value.TryWrite(again).IsDone);
        Assert.Equal(0xA8, again[18]);
    }

    [Fact]
    public void Truncated_input_names_the_first_field_that_does_not_fit()
    {
        ReadResult empty = WideBe.TryRead(ReadOnlySpan<byte>.Empty, out _);
        Assert.Equal(CodecStatus.NeedMoreData, empty.Status);
        Assert.Equal(CodecErrorKind.Truncated, empty.Error.Kind);
        Assert.Equal("U3", empty.Error.Field);
        Assert.Equal(0, empty.Error.BitOffset);
        Assert.Equal((ulong)WideBe.Size, empty.Error.Expected);
        Assert.Equal(0UL, empty.Error.Actual);

        // 17 bytes hold S13 (ends in byte 10) and S33 (ends in byte 14), not S19 (bits 118–136, ends in byte 17).
        ReadResult seventeen = WideBe.TryRead(new byte[17], out _);
        Assert.Equal("S19", seventeen.Error.Field);
        Assert.Equal(118, seventeen.Error.BitOffset);
        Assert.Equal(14, seventeen.Error.ByteOffset);
        Assert.Equal(17UL, seventeen.Error.Actual);

        ReadResult almost = MixedBe.TryRead(new byte[MixedBe.Size - 1], out _);
        Assert.Equal("Tail", almost.Error.Field);
        Assert.Equal(592, almost.Error.BitOffset);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Views

    [Fact]
    public void View_setters_change_only_their_own_bits()
    {
        byte[] be = Enumerable.Repeat((byte)0xFF, MixedBe.Size + 2).ToArray();
        var view = new MixedBe.View(be);
        view.U13 = 0;
        Assert.Equal("e000", Convert.ToHexStringLower(be, 0, 2));
        Assert.All(be.Skip(2), b => Assert.Equal(0xFF, b));
        Assert.Equal(7, view.U3);

        view.Kind = Proto3.Icmp;            // bits 81–83 → 001
        Assert.Equal(Proto3.Icmp, view.Kind);
        Assert.Equal(0x9F, be[10]);          // bits 80–87: 1 (U33's last bit) | 001 | 1111

        byte[] le = Enumerable.Repeat((byte)0xFF, MixedLe.Size).ToArray();
        var leView = new MixedLe.View(le);
        leView.U13 = 0;
        Assert.Equal("0700", Convert.ToHexStringLower(le, 0, 2));
        Assert.All(le.Skip(2), b => Assert.Equal(0xFF, b));

        leView.Destination = IPv6Address.Parse("::1");
        Assert.Equal("00000000000000000000000000000001", Convert.ToHexStringLower(le, 36, 16));
        leView.Hardware[3] = 0x42;
        Assert.Equal(0x42, le[55]);
    }

    [Fact]
    public void View_setters_throw_for_values_too_wide_and_leave_the_buffer_alone()
    {
        byte[] buffer = new byte[WideBe.Size];
        var view = new WideBe.View(buffer);
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var v = new WideBe.View(buffer);
            v.U3 = 300;
        });
        Assert.Equal("U3", exception.ParamName);

        var signed = Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var v = new MixedBe.View(new byte[MixedBe.Size]);
            v.S13 = -5000;
        });
        Assert.Equal("S13", signed.ParamName);
        Assert.All(buffer, b => Assert.Equal(0, b));
        Assert.Equal(0U, view.U3);
    }

    [Fact]
    public void Views_over_short_buffers_and_default_views()
    {
        Assert.False(MixedBe.View.TryCreate(new byte[MixedBe.Size - 1], out _));
        Assert.False(MixedBe.ReadOnlyView.TryCreate(new byte[MixedBe.Size - 1], out _));
        Assert.Throws<ArgumentException>(() => { _ = new MixedBe.View(new byte[3]); });

        Assert.Throws<ArgumentOutOfRangeException>(() => default(MixedBe.View).U3);
        Assert.Throws<ArgumentOutOfRangeException>(() => default(MixedBe.View).Destination);
        Assert.Throws<ArgumentOutOfRangeException>(() => default(MixedBe.View).Hardware.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => default(WideBe.ReadOnlyView).S19);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var v = default(WideBe.View);
            v.S33 = 1;
        });
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var v = default(MixedLe.View);
            v.Mac = MacAddress.Broadcast;
        });
    }

    [Fact]
    public void A_view_reads_the_whole_message_like_the_static_reader()
    {
        byte[] bytes = new byte[MixedBe.Size];
        Assert.True(SampleMixedBe().TryWrite(bytes).IsDone);

        ReadResult viaView = new MixedBe.ReadOnlyView(bytes).TryRead(out MixedBe fromView);
        ReadResult viaWritableView = new MixedBe.View(bytes).TryRead(out MixedBe fromWritableView);

        Assert.True(viaView.IsDone);
        Assert.True(viaWritableView.IsDone);
        Assert.Equal(SampleMixedBe(), fromView);
        Assert.Equal(SampleMixedBe(), fromWritableView);

        bytes[13] ^= 0x1F; // the 5-bit Version constant at bit 107 straddles bytes 13 and 14
        ReadResult invalid = new MixedBe.ReadOnlyView(bytes).TryRead(out MixedBe failed);
        Assert.Equal(CodecStatus.InvalidData, invalid.Status);
        Assert.Equal("Version", invalid.Error.Field);
        Assert.Equal(default, failed); // a failed read leaves nothing half-filled
        Assert.Equal(0, failed.U13);
    }

    [Fact]
    public void Equality_ignores_constants_so_a_message_built_without_them_equals_it_read_back()
    {
        MixedBe built = SampleMixedBe();
        built.Version = 0;
        byte[] bytes = new byte[MixedBe.Size];
        Assert.True(built.TryWrite(bytes).IsDone);

        MixedBe back = MixedBe.Read(bytes);

        Assert.Equal(0x0B, back.Version);
        Assert.Equal(built, back);
        Assert.Equal(built.GetHashCode(), back.GetHashCode());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Equality, ToString, dissection

    [Fact]
    public void A_difference_in_one_byte_of_a_FixedBytes16_makes_messages_unequal()
    {
        MixedBe a = SampleMixedBe();
        MixedBe b = SampleMixedBe();
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());

        byte[] other = Hardware16.ToArray();
        other[15] ^= 0x80;
        b.Hardware = Block(other);
        Assert.NotEqual(a, b);
        Assert.True(a != b);
        Assert.False(a.Equals((object)b));
        Assert.NotEqual(a.ToString(), b.ToString());
    }

    [Fact]
    public void ToString_lists_every_field_with_its_value()
    {
        string text = SampleMixedBe().ToString();
        Assert.Equal(
            "MixedBe { U3 = 5, U13 = 6844, U19 = 524287, S13 = -5, U33 = 4294967297, Kind = Tcp (6), Flag = true, "
            + "S19 = -262144, Version = 11, S33 = -1, Control = Syn|Ack (0x12), U24 = 11259375, Mac = 00:1a:2b:3c:4d:5e, "
            + "Source = 192.0.2.1, SourceLe = 192.0.2.1, Destination = 2001:db8::1, Hardware = 000102030405060708090a0b0c0d0e0f, "
            + "LittleWord = 4660, LittleLong = 2712847316, Tail = 153 }",
            text);
    }

    [Fact]
    public void Dissect_shows_enum_and_flag_names_offsets_and_values()
    {
        byte[] bytes = new byte[MixedBe.Size];
        Assert.True(SampleMixedBe().TryWrite(bytes).IsDone);
        MessageDissection d = MixedBe.Dissect(bytes);

        Assert.True(d.Result.IsDone);
        Assert.Equal(MixedBe.Size, d.Length);
        Assert.Equal("MixedBe", d.Protocol);
        Assert.Equal(22, d.Fields.Count);

        FieldDissection kind = d["Kind"]!;
        Assert.Equal(("Tcp (6)", 81, 3, (ulong?)6UL, FieldKind.Enum), (kind.Display, kind.BitOffset, kind.BitLength, kind.Value, kind.Kind));

        FieldDissection control = d["Control"]!;
        Assert.Equal(("Syn|Ack (0x12)", 145, 6, (ulong?)0x12UL), (control.Display, control.BitOffset, control.BitLength, control.Value));

        FieldDissection s13 = d["S13"]!;
        Assert.Equal(("-5", 35, 13, (ulong?)0x1FFBUL, FieldKind.SignedInteger), (s13.Display, s13.BitOffset, s13.BitLength, s13.Value, s13.Kind));

        Assert.Equal("Set", d["Flag"]!.Display);
        Assert.Equal("Reserved", d["Reserved"]!.Label);
        Assert.Equal(FieldKind.Reserved, d["Reserved"]!.Kind);
        Assert.Equal("Spare", d["Reserved1"]!.Label);
        Assert.Equal("00:1a:2b:3c:4d:5e", d["Mac"]!.Display);
        Assert.Equal("Source Address", d["Source"]!.Label);
        Assert.Equal("192.0.2.1", d["Source"]!.Display);
        Assert.Equal("192.0.2.1", d["SourceLe"]!.Display);
        Assert.Equal("2001:db8::1", d["Destination"]!.Display);
        Assert.Null(d["Destination"]!.Value);
        Assert.Equal("000102030405060708090a0b0c0d0e0f", d["Hardware"]!.Display);
        Assert.Null(d["Hardware"]!.Value);
        Assert.Equal(FieldKind.Bytes, d["Hardware"]!.Kind);
        Assert.Equal((ulong?)0x1234UL, d["LittleWord"]!.Value);
        Assert.Equal("Little Word", d["LittleWord"]!.Label);
    }

    [Fact]
    public void Dissect_names_unnamed_enum_values_by_number_and_all_flags()
    {
        byte[] bytes = new byte[MixedBe.Size];
        MixedBe message = SampleMixedBe();
        message.Kind = (Proto3)5;
        message.Control = Ctl6.None;
        Assert.True(message.TryWrite(bytes).IsDone);
        MessageDissection d = MixedBe.Dissect(bytes);
        Assert.Equal("5", d["Kind"]!.Display);
        Assert.Equal("None (0x0)", d["Control"]!.Display);

        message.Control = (Ctl6)0x3F;
        Assert.True(message.TryWrite(bytes).IsDone);
        Assert.Equal("Fin|Syn|Rst|Psh|Ack|Urg (0x3F)", MixedBe.Dissect(bytes)["Control"]!.Display);
        Assert.Contains("Control = Fin|Syn|Rst|Psh|Ack|Urg (0x3F)", message.ToString());
    }

    [Fact]
    public void Dissect_of_truncated_input_shows_the_fields_that_fit()
    {
        byte[] bytes = new byte[MixedBe.Size];
        Assert.True(SampleMixedBe().TryWrite(bytes).IsDone);
        MessageDissection d = MixedBe.Dissect(bytes.AsSpan(0, 10));
        Assert.Equal(new[] { "U3", "U13", "U19", "S13" }, d.Fields.Select(f => f.Name).ToArray());
        Assert.Equal(CodecStatus.NeedMoreData, d.Result.Status);
        Assert.Equal("U33", d.Result.Error.Field);
        Assert.Equal(48, d.Result.Error.BitOffset);
        Assert.Equal("-5", d["S13"]!.Display);
    }

    [Fact]
    public void Full_width_fields_take_every_value_of_their_type()
    {
        var message = new FullLe
        {
            S8 = sbyte.MinValue,
            U8 = byte.MaxValue,
            S16 = short.MinValue,
            U16 = 0xBEEF,
            S32 = int.MinValue,
            U32 = uint.MaxValue,
            S64 = long.MinValue,
            U64 = 0x0102030405060708,
            Proto = (Proto3)200,
            S7 = -64,
            Bit = true,
        };
        byte[] bytes = new byte[FullLe.Size];
        Assert.True(message.TryWrite(bytes).IsDone);
        Assert.Equal("80ff0080beef00000080ffffffff00000000000000800102030405060708c8c0", Convert.ToHexStringLower(bytes));
        Assert.Equal(message, FullLe.Read(bytes));

        message.S7 = -65;
        Assert.Equal(CodecErrorKind.ValueOutOfRange, message.TryWrite(bytes).Error.Kind);
    }

    [Fact]
    public void Properties_work_as_fields()
    {
        var message = new PropsLe { S = -2, K = Proto3.Tcp, A = IPv4Address.Parse("10.0.0.1") };
        byte[] bytes = new byte[PropsLe.Size];
        Assert.True(message.TryWrite(bytes).IsDone);

        // 0x1FFE | 6 << 13 = 0xDFFE, least significant byte first; the address in network order.
        Assert.Equal("fedf0a000001", Convert.ToHexStringLower(bytes));
        Assert.Equal(message, PropsLe.Read(bytes));
        Assert.Equal("PropsLe { S = -2, K = Tcp (6), A = 10.0.0.1 }", PropsLe.Read(bytes).ToString());

        var view = new PropsLe.View(bytes);
        view.K = Proto3.Icmp;
        Assert.Equal(-2, view.S);
        Assert.Equal("fe3f0a000001", Convert.ToHexStringLower(bytes));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var v = new PropsLe.View(bytes);
            v.S = 4096;
        });
    }
}
