namespace Codec.Protocols.Tests.Robustness;

/// <summary>
/// Derives a damaged input from a well-formed one, reproducibly from a seed: bit flips, bytes set to values that
/// parsers get wrong (0, 0xFF, 0x3F/0x40 label lengths, 0xC0 compression pointers, 0x7F/0x80), 16-bit lengths and
/// counts overwritten, truncation, chunks duplicated or removed, random bytes inserted.
/// </summary>
internal static class Mutator
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x02, 0x04, 0x3F, 0x40, 0x7F, 0x80, 0xC0, 0xC1, 0xFE, 0xFF];

    public static byte[] Mutate(Random random, byte[] input)
    {
        var bytes = new List<byte>(input);
        int steps = 1 + random.Next(4);
        for (int step = 0; step < steps; step++)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2 when bytes.Count > 1:
                    at = Math.Min(at, bytes.Count - 2);
                    int value = random.Next(4) switch { 0 => 0, 1 => 0xFFFF, 2 => bytes.Count + random.Next(-4, 5), _ => random.Next(0x10000) };
                    bytes[at] = (byte)(value >> 8);
                    bytes[at + 1] = (byte)value;
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at); // truncate
                    break;
                case 4 when bytes.Count > 0:
                    int length = Math.Min(1 + random.Next(16), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 5 when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(1 + random.Next(16), bytes.Count - at));
                    break;
                case 6:
                    byte[] noise = new byte[1 + random.Next(8)];
                    random.NextBytes(noise);
                    bytes.InsertRange(at, noise);
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        bytes[at] = (byte)random.Next(256);
                    }

                    break;
            }
        }

        return bytes.ToArray();
    }
}
