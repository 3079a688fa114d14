using Codec.Dns;
using Xunit.Abstractions;

namespace Codec.Runtime.Tests.Dns;

public class DnsNameAllocationTests(ITestOutputHelper output)
{
    private const int Iterations = 10_000;

    [Fact]
    public void Reading_comparing_enumerating_and_formatting_allocate_nothing()
    {
        byte[] message = DnsTestData.Rfc1035Example();
        byte[] flat = DnsTestData.Wire("foo", "f", "isi", "arpa");
        byte[] parent = DnsTestData.Wire("arpa");
        char[] text = new char[DnsName.MaxPresentationLength];
        byte[] wire = new byte[DnsName.MaxWireLength];

        int Work()
        {
            int checksum = 0;
            for (int i = 0; i < Iterations; i++)
            {
                DnsName.TryRead(message, 40, out DnsName name, out int consumed);
                DnsName.TryRead(message, 20, out DnsName other, out _);
                checksum += consumed;
                checksum += name.Equals(flat) ? 1 : 0;
                checksum += name.Equals(other) ? 1 : 0;
                checksum += name.EqualsPresentation("FOO.F.ISI.ARPA.") ? 1 : 0;
                checksum += name.IsSubdomainOf(parent) ? 1 : 0;
                checksum += name.GetHashCode() & 1;
                foreach (ReadOnlySpan<byte> label in name)
                {
                    checksum += label.Length;
                }

                name.TryFormat(text, out int written);
                checksum += written;
                checksum += DnsName.TryParse("www.example.com.", wire, out int parsed) ? parsed : 0;
            }

            return checksum;
        }

        int expected = Work();   // warm-up: every method jitted (and tiered up) before measuring
        Work();
        long before = GC.GetAllocatedBytesForCurrentThread();
        int checksum = Work();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"{Iterations} x (2 reads, 4 comparisons, hash, enumerate, format, parse): {allocated} bytes allocated");
        Assert.Equal(expected, checksum);
        // Per pass: 6 octets consumed, 3 of the 4 comparisons true, labels 3+1+3+4, 15 chars, 17 octets parsed.
        DnsName.TryRead(message, 40, out DnsName foo, out _);
        Assert.Equal(Iterations * (6 + 3 + 11 + 15 + 17 + (foo.GetHashCode() & 1)), checksum);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Writing_with_a_reused_compressor_allocates_nothing()
    {
        byte[][] names = DnsCompressionSamples.Names.Select(DnsCompressionSamples.Parse).ToArray();
        byte[] message = new byte[512];
        var compressor = new DnsNameCompressor();

        int Work()
        {
            int total = 0;
            for (int i = 0; i < Iterations; i++)
            {
                compressor.Reset();
                int position = 12;
                foreach (byte[] name in names)
                {
                    compressor.TryWrite(name, message, ref position);
                }

                DnsName.TryRead(message, 12, out DnsName first, out _);
                compressor.TryWrite(first, message, ref position);
                total += position;
            }

            return total;
        }

        int expected = Work();
        Work();
        long before = GC.GetAllocatedBytesForCurrentThread();
        int total = Work();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"{Iterations} x (reset, write {names.Length + 1} names): {allocated} bytes allocated");
        Assert.Equal(expected, total);
        Assert.Equal(Iterations * (84 + 2), total);
        Assert.Equal(0, allocated);
    }
}
