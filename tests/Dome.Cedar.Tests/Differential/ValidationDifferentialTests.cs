using System.Diagnostics;
using System.Globalization;
using Dome.Cedar.Tests.Differential.Oracle;

namespace Dome.Cedar.Tests.Differential;

/// <summary>
/// Dome's strict validator against cedar-wasm 4.13.0's `validate` on generated schemas and policies:
/// 2,000 fixed seeds by default, each schema in four forms (see <see cref="ValidationDifferentialRunner"/>).
/// DOME_CEDAR_VALDIFF_FIRST_SEED / DOME_CEDAR_VALDIFF_CASES run other seeds.
/// </summary>
public sealed class ValidationDifferentialTests
{
    private const int DefaultFirstSeed = 1;
    private const int DefaultCases = 2000;
    private const int BatchSize = 500;
    private const int DefaultReported = 6;

    [Fact]
    public void Validate_GeneratedSchemasAndPolicies_AgreesWithReference()
    {
        var firstSeed = Setting("DOME_CEDAR_VALDIFF_FIRST_SEED", DefaultFirstSeed);
        var caseCount = Setting("DOME_CEDAR_VALDIFF_CASES", DefaultCases);
        var oracle = OracleClient.Locate();
        var runner = new ValidationDifferentialRunner(oracle);
        var mismatches = new List<Mismatch>();
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < caseCount; start += BatchSize)
        {
            mismatches.AddRange(runner.Run(firstSeed + start, Math.Min(BatchSize, caseCount - start)));
        }

        var statistics = runner.Statistics;
        TestContext.Current.TestOutputHelper?.WriteLine($"{oracle.RuntimeNote}; {statistics}; {clock.Elapsed.TotalSeconds:F1} s");
        // One example per case and category, so the report shows different failures.
        var examples = mismatches.DistinctBy(m => m.Category).Concat(mismatches.DistinctBy(m => m.CaseName))
            .Distinct().Take(Setting("DOME_CEDAR_VALDIFF_REPORT", DefaultReported)).ToList();
        var categories = mismatches.GroupBy(m => m.Category).Select(g => $"  {g.Count()} x {g.Key} ({g.Select(m => m.CaseName).Distinct().Count()} cases)");
        Assert.True(
            mismatches.Count == 0,
            $"{mismatches.Count} disagreements with cedar-wasm over seeds {firstSeed}..{firstSeed + caseCount - 1} ({statistics}):\n"
            + string.Join("\n", categories) + "\nexamples:\n\n" + string.Join("\n", examples));
        Assert.Equal(caseCount, statistics.Cases);

        // The mix must stay useful: a good share valid and a good share invalid.
        Assert.InRange(statistics.Valid * 100 / caseCount, 30, 70);
        Assert.InRange(statistics.Invalid * 100 / caseCount, 30, 70);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
