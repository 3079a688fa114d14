using Codec.Runtime.Tests.Unions;

namespace Codec.Runtime.Tests.Options;

public class OptionAllocationTests
{
    private const int Iterations = 10_000;

    [Fact]
    public void Reading_enumerating_finding_writing_options_and_reading_unions_allocate_nothing()
    {
        byte[] carrier = Convert.FromHexString("03" + "07" + "020405b4" + "0a06" + "0102abcd" + "00" + "000000" + "beef");
        byte[] union = Convert.FromHexString("03" + "05" + "0102abcdff" + "00");
        byte[] buffer = new byte[64];

        int Work()
        {
            int checksum = 0;
            for (int i = 0; i < Iterations; i++)
            {
                OptionCarrier.TryRead(carrier, out OptionCarrier message);
                foreach (OptionEntry option in message.Options)
                {
                    checksum += option.Kind + option.Value.Length;
                }

                checksum += message.Options.TryGetWord(out OptionWord word) ? word.Value : 0;
                checksum += message.Options.TryGetNested(out DataCountedOptions nested) && nested.TryGetWord(out OptionWord inner) ? inner.Value : 0;
                var writer = new HeaderCountedOptions.Writer(buffer);
                writer.TryAddWord(word);
                writer.TryAdd(200, [1, 2, 3]);
                writer.TryEnd(4);
                checksum += writer.ToList().Count;
                var fast = new HeaderCountedOptions.Writer(buffer);
                checksum += fast.TryAddWord(word, out int written) && fast.TryAddNop(out _) && fast.TryAdd(200, [4, 5], out _) && fast.TryEnd(4, out int length)
                    ? written + length + fast.ToList().Count
                    : -1;

                UnionCarrier.TryRead(union, out UnionCarrier tagged);
                checksum += tagged.Body.TryGetOptions(out DataCountedOptions options) ? options.Count : 0;
            }

            return checksum;
        }

        int expected = Work();   // warm-up: every method jitted (and tiered up) before measuring
        Work();
        long before = GC.GetAllocatedBytesForCurrentThread();
        int checksum = Work();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(expected, checksum);
        Assert.Equal(0, allocated);
    }
}
