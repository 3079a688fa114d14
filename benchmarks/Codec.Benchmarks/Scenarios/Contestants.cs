namespace Codec.Benchmarks;

/// <summary>The <c>[GlobalSetup]</c> cross-check of every scenario: a comparison means nothing unless all contestants read the same values.</summary>
internal static class Contestants
{
    /// <summary>Throws unless every contestant's result equals <paramref name="expected"/>.</summary>
    public static void Agree(string scenario, ulong expected, params (string Name, ulong Value)[] results)
    {
        foreach (var (name, value) in results)
        {
            if (value != expected)
            {
                throw new InvalidOperationException(
                    $"{scenario}: {name} folds to {value:X16}, expected {expected:X16} (" + string.Join(", ", results.Select(r => $"{r.Name} {r.Value:X16}")) + ").");
            }
        }
    }
}
