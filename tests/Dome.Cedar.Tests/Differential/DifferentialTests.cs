using System.Globalization;
using Dome.Cedar.Tests.Differential.Oracle;

namespace Dome.Cedar.Tests.Differential;

/// <summary>
/// Dome against the reference (cedar-wasm 4.13.0) on generated cases: 240 fixed seeds with 25
/// requests each (6,000 requests) by default. `scripts/cedar-soak` reruns it with other seeds
/// through DOME_CEDAR_DIFF_FIRST_SEED / DOME_CEDAR_DIFF_CASES.
/// </summary>
public sealed class DifferentialTests
{
    private const int DefaultFirstSeed = 1;
    private const int DefaultCases = 240;
    private const int RequestsPerCase = 25;
    private const int BatchSize = 120;
    private const int MaxReported = 8;

    [Fact]
    public void Authorize_GeneratedCases_AgreesWithReference()
    {
        var firstSeed = Setting("DOME_CEDAR_DIFF_FIRST_SEED", DefaultFirstSeed);
        var caseCount = Setting("DOME_CEDAR_DIFF_CASES", DefaultCases);
        var runner = new DifferentialRunner(OracleClient.Locate());
        var mismatches = new List<Mismatch>();
        var compared = 0;

        for (var start = 0; start < caseCount; start += BatchSize)
        {
            mismatches.AddRange(runner.Run(firstSeed + start, Math.Min(BatchSize, caseCount - start), RequestsPerCase));
            compared += runner.RequestsCompared;
        }

        // One example per case, so the report shows different failures rather than one case's many requests.
        var examples = mismatches.DistinctBy(m => m.CaseName).Take(MaxReported).ToList();
        var categories = mismatches.GroupBy(m => m.Category).Select(g => $"  {g.Count()} x {g.Key} ({g.Select(m => m.CaseName).Distinct().Count()} cases)");
        Assert.True(
            mismatches.Count == 0,
            $"{mismatches.Count} disagreements with cedar-wasm over seeds {firstSeed}..{firstSeed + caseCount - 1} "
            + $"({compared} requests compared):\n{string.Join("\n", categories)}\nexamples:\n\n"
            + string.Join("\n", examples));
        Assert.True(compared >= caseCount * RequestsPerCase * 8 / 10, $"only {compared} requests were compared");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
