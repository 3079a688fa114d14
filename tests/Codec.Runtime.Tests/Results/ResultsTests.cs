namespace Codec.Runtime.Tests.Results;

public class ResultsTests
{
    [Fact]
    public void CodecError_ToString_names_field_position_and_values()
    {
        Assert.Equal(
            "truncated in field 'TotalLength' at byte 2 (bit 16): 4 bytes needed, 3 available",
            new CodecError(CodecErrorKind.Truncated, "TotalLength", 16, 4, 3).ToString());
        Assert.Equal(
            "constant mismatch in field 'Version' at byte 0 (bit 0): expected 4, got 6",
            new CodecError(CodecErrorKind.ConstantMismatch, "Version", 0, 4, 6).ToString());
        Assert.Equal(
            "reserved bits not zero in field 'Reserved' at byte 6 (bit 48): got 0x1C",
            new CodecError(CodecErrorKind.ReservedNotZero, "Reserved", 48, 0, 0x1C).ToString());
        Assert.Equal(
            "value out of range in field 'FragmentOffset' at byte 6 (bit 51): maximum 8191, got 8192",
            new CodecError(CodecErrorKind.ValueOutOfRange, "FragmentOffset", 51, 8191, 8192).ToString());
        Assert.Equal(
            "destination too small at byte 0: 20 bytes needed, 10 available",
            new CodecError(CodecErrorKind.DestinationTooSmall, null, 0, 20, 10).ToString());
        Assert.Equal("truncated at byte 5: 8 bytes needed, 5 available", new CodecError(CodecErrorKind.Truncated, null, 40, 8, 5).ToString());
        Assert.Equal("no error", default(CodecError).ToString());
        Assert.Equal("99 in field 'X' at byte 1 (bit 13)", new CodecError((CodecErrorKind)99, "X", 13).ToString());
        Assert.Equal(
            "value out of range in field 'Big' at byte 0 (bit 0): maximum 18446744073709551615, got 0",
            new CodecError(CodecErrorKind.ValueOutOfRange, "Big", 0, ulong.MaxValue, 0).ToString());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 0)]
    [InlineData(8, 1)]
    [InlineData(13, 1)]
    [InlineData(51, 6)]
    [InlineData(160, 20)]
    public void CodecError_ByteOffset_is_the_byte_of_the_first_bit(int bitOffset, int byteOffset)
    {
        var error = new CodecError(CodecErrorKind.Truncated, "F", bitOffset);
        Assert.Equal(byteOffset, error.ByteOffset);
        Assert.Equal(bitOffset, error.BitOffset);
        Assert.Equal("F", error.Field);
        Assert.Equal(0UL, error.Expected);
        Assert.Equal(0UL, error.Actual);
    }

    [Fact]
    public void ReadResult_members_and_ToString()
    {
        var done = ReadResult.Done(20);
        Assert.True(done.IsDone);
        Assert.Equal(CodecStatus.Done, done.Status);
        Assert.Equal(20, done.BytesConsumed);
        Assert.Equal(CodecErrorKind.None, done.Error.Kind);
        Assert.Equal("Done (20 bytes)", done.ToString());

        var more = ReadResult.NeedMoreData("TotalLength", 16, 4, 3);
        Assert.False(more.IsDone);
        Assert.Equal(CodecStatus.NeedMoreData, more.Status);
        Assert.Equal(0, more.BytesConsumed);
        Assert.Equal(new CodecError(CodecErrorKind.Truncated, "TotalLength", 16, 4, 3), more.Error);
        Assert.Equal("NeedMoreData: truncated in field 'TotalLength' at byte 2 (bit 16): 4 bytes needed, 3 available", more.ToString());

        var invalid = ReadResult.Invalid(new CodecError(CodecErrorKind.ConstantMismatch, "Version", 0, 4, 6));
        Assert.False(invalid.IsDone);
        Assert.Equal(CodecStatus.InvalidData, invalid.Status);
        Assert.Equal(0, invalid.BytesConsumed);
        Assert.Equal("InvalidData: constant mismatch in field 'Version' at byte 0 (bit 0): expected 4, got 6", invalid.ToString());

        Assert.Equal(ReadResult.Done(20), done);
        Assert.NotEqual(ReadResult.Done(21), done);
    }

    [Fact]
    public void WriteResult_members_and_ToString()
    {
        var done = WriteResult.Done(8);
        Assert.True(done.IsDone);
        Assert.Equal(8, done.BytesWritten);
        Assert.Equal("Done (8 bytes)", done.ToString());

        var small = WriteResult.DestinationTooSmall(20, 10);
        Assert.False(small.IsDone);
        Assert.Equal(CodecStatus.DestinationTooSmall, small.Status);
        Assert.Equal(0, small.BytesWritten);
        Assert.Equal(CodecErrorKind.DestinationTooSmall, small.Error.Kind);
        Assert.Equal(20UL, small.Error.Expected);
        Assert.Equal(10UL, small.Error.Actual);
        Assert.Null(small.Error.Field);
        Assert.Equal("DestinationTooSmall: destination too small at byte 0: 20 bytes needed, 10 available", small.ToString());

        var invalid = WriteResult.Invalid(new CodecError(CodecErrorKind.ValueOutOfRange, "Ihl", 4, 15, 16));
        Assert.Equal(CodecStatus.InvalidData, invalid.Status);
        Assert.Equal("InvalidData: value out of range in field 'Ihl' at byte 0 (bit 4): maximum 15, got 16", invalid.ToString());
    }

    [Fact]
    public void CodecException_and_ThrowHelper()
    {
        var read = ReadResult.Invalid(new CodecError(CodecErrorKind.ConstantMismatch, "Version", 0, 4, 6));
        var ex = Assert.Throws<CodecException>(() => ThrowHelper.ThrowReadFailed(read));
        Assert.Equal(CodecStatus.InvalidData, ex.Status);
        Assert.Equal(read.Error, ex.Error);
        Assert.Equal("InvalidData: constant mismatch in field 'Version' at byte 0 (bit 0): expected 4, got 6", ex.Message);

        var write = WriteResult.DestinationTooSmall(20, 3);
        var wex = Assert.Throws<CodecException>(() => ThrowHelper.ThrowWriteFailed(write));
        Assert.Equal(CodecStatus.DestinationTooSmall, wex.Status);
        Assert.Equal("DestinationTooSmall: destination too small at byte 0: 20 bytes needed, 3 available", wex.Message);

        var range = Assert.Throws<ArgumentOutOfRangeException>(() => ThrowHelper.ThrowValueOutOfRange("Ihl", 4, 4, 16));
        Assert.Equal("Ihl", range.ParamName);
        Assert.Equal(16UL, range.ActualValue);
        Assert.Contains("value out of range in field 'Ihl' at byte 0 (bit 4): maximum 15, got 16", range.Message);

        var wide = Assert.Throws<ArgumentOutOfRangeException>(() => ThrowHelper.ThrowValueOutOfRange("W", 0, 64, 1));
        Assert.Contains("maximum 18446744073709551615", wide.Message);

        var small = Assert.Throws<ArgumentException>(() => ThrowHelper.ThrowBufferTooSmall(20, 19));
        Assert.Equal("buffer", small.ParamName);
        Assert.Contains("19 bytes", small.Message);
        Assert.Contains("needs 20", small.Message);
    }
}
