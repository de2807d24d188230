using System.Runtime.CompilerServices;

namespace Dome.Gateway.Output;

/// <summary>How many values of each kind output governance removed from one response.</summary>
public struct RedactionCounts
{
    private const int Kinds = (int)RedactionKind.Record + 1;
    private Buffer counts;

    public readonly int this[RedactionKind kind] => counts[(int)kind];

    public readonly int Total
    {
        get
        {
            var total = 0;
            for (var i = 0; i < Kinds; i++)
            {
                total += counts[i];
            }

            return total;
        }
    }

    /// <summary>The non-zero counts by wire name (<c>email</c>, <c>field</c>, <c>record</c>…), for the audit event.</summary>
    public readonly IReadOnlyDictionary<string, int> ToDictionary()
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Kinds; i++)
        {
            if (counts[i] > 0)
            {
                result[Detectors.NameOf((RedactionKind)i)] = counts[i];
            }
        }

        return result;
    }

    internal void Add(RedactionKind kind) => counts[(int)kind]++;

    [InlineArray(Kinds)]
    private struct Buffer
    {
        private int first;
    }
}
