namespace Codec.Runtime.Tests.Addresses;

/// <summary>Checks that formatting addresses allocates nothing, in whatever state the JIT has the code.</summary>
internal static class FormatAllocation
{
    /// <summary>
    /// Formats each of <paramref name="values"/> into one buffer and asserts that the texts are <paramref name="expected"/>
    /// and that no managed byte was allocated meanwhile. One value is formatted first: the process's first formatting
    /// may set up culture data.
    /// </summary>
    public static void AssertNothingAllocated<T>(T[] values, string[] expected)
        where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[64];
        values[0].TryFormat(buffer, out _, default, null);
        Span<int> lengths = stackalloc int[values.Length];
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < values.Length; i++)
        {
            values[i].TryFormat(buffer, out lengths[i], default, null);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(expected[i], values[i].ToString());
            Assert.Equal(expected[i].Length, lengths[i]);
        }
    }
}
