using Dome.Cedar.Tests.Differential.Generation.Schemas;
using Dome.Cedar.Tests.Differential.Oracle;

namespace Dome.Cedar.Tests.Differential;

/// <summary>What the generated cases covered, by the reference's verdict: so the test can check the mix is useful.</summary>
internal sealed class ValidationStatistics
{
    public int Cases { get; private set; }

    public int Valid { get; private set; }

    public int Invalid { get; private set; }

    public int Rejected { get; private set; }

    public int WithWarnings { get; private set; }

    /// <summary>Wall time spent in the oracle process (reported, never asserted).</summary>
    public TimeSpan OracleTime { get; set; }

    /// <summary>Wall time of the runs, oracle included: it works while Dome validates (reported, never asserted).</summary>
    public TimeSpan Elapsed { get; set; }

    /// <summary>Reference error kinds (Dome codes; `?` + message for unmapped ones) and how often each occurred.</summary>
    public Dictionary<string, int> Kinds { get; } = new(StringComparer.Ordinal);

    public void Count(SchemaCase testCase, OracleValidationResult reference, DomeValidation dome)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        _ = dome;
        Cases++;
        if (reference.Failure is not null)
        {
            Rejected++;
            return;
        }

        if (reference.Errors.Count == 0)
        {
            Valid++;
        }
        else
        {
            Invalid++;
        }

        if (reference.Warnings.Count > 0)
        {
            WithWarnings++;
        }

        foreach (var (_, message) in reference.Errors)
        {
            var kind = ReferenceErrorKind.Classify(message) ?? "? " + message;
            Kinds[kind] = Kinds.GetValueOrDefault(kind) + 1;
        }
    }

    public override string ToString() =>
        $"{Cases} cases (oracle {OracleTime.TotalSeconds:F1} s of {Elapsed.TotalSeconds:F1} s): {Valid} valid, {Invalid} invalid, {Rejected} rejected by the reference, {WithWarnings} with warnings; error kinds: "
        + string.Join(", ", Kinds.OrderByDescending(k => k.Value).Select(k => $"{k.Key} x{k.Value}"));
}
