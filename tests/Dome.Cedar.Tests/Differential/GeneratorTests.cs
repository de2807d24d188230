using Dome.Cedar.Tests.Differential.Generation;
using Dome.Cedar.Tests.Differential.Oracle;

namespace Dome.Cedar.Tests.Differential;

/// <summary>The generator itself: deterministic, accepted by the reference parser, covering the language.</summary>
public sealed class GeneratorTests
{
    private const int FirstSeed = 9_000;
    private const int SeedCount = 300;

    private static readonly string[] ExpectedFragments =
    [
        "&&", "||", "!", "==", "!=", " < ", " <= ", " > ", " >= ", " + ", " - ", " * ", " in ", " is ", " has ", " like ",
        "if ", ".contains(", ".containsAll(", ".containsAny(", ".isEmpty()", ".getTag(", ".hasTag(",
        "decimal(", ".lessThan(", ".lessThanOrEqual(", ".greaterThan(", ".greaterThanOrEqual(",
        "ip(", ".isIpv4()", ".isIpv6()", ".isLoopback()", ".isMulticast()", ".isInRange(",
        "datetime(", "duration(", ".offset(", ".durationSince(", ".toDate()", ".toTime()",
        ".toMilliseconds()", ".toSeconds()", ".toMinutes()", ".toHours()", ".toDays()",
        "[\"", "{", "9223372036854775807", "-9223372036854775808", "unless {", "when {", "@id(",
        "principal is ", "resource is ", "action in [", "?principal", "?resource",
    ];

    [Fact]
    public void Generate_SameSeed_SameCase()
    {
        var first = CaseGenerator.Generate(42);
        var second = CaseGenerator.Generate(42);

        Assert.Equal(first.Describe(), second.Describe());
        Assert.Equal(first.Requests, second.Requests);
        Assert.NotEqual(first.Describe(), CaseGenerator.Generate(43).Describe());
    }

    [Fact]
    public void Generate_ManySeeds_CoversEveryOperatorAndExtension()
    {
        var text = string.Join("\n", Seeds().Select(seed =>
        {
            var testCase = CaseGenerator.Generate(seed);
            return testCase.PolicyText + "\n" + string.Join("\n", testCase.Templates.Select(t => t.Text));
        }));

        var missing = ExpectedFragments.Where(fragment => !text.Contains(fragment, StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, "never generated: " + string.Join(", ", missing));
    }

    [Fact]
    public void Generate_ManySeeds_EveryPolicySetParsesInTheReference()
    {
        var oracle = OracleClient.Locate();
        var cases = Seeds().Select(seed => CaseGenerator.Generate(seed, requestCount: 4)).ToList();

        var batch = OracleBatch.Prepare(oracle, cases);
        var results = oracle.Authorize(batch.AuthorizeDocument());

        var rejected = results.Select((result, index) => (result, index))
            .Where(r => !cases[r.index].Mutated && (r.result.ParseErrors is not null || batch.ConversionErrors.ContainsKey(r.index)))
            .Select(r => cases[r.index].Describe() + "\nerrors: " + string.Join("; ", r.result.ParseErrors ?? batch.ConversionErrors[r.index]))
            .ToList();
        Assert.True(rejected.Count == 0, $"{rejected.Count} generated policy sets rejected by cedar-wasm:\n" + string.Join("\n\n", rejected.Take(5)));
    }

    [Fact]
    public void Generate_ManySeeds_ReferenceDecisionsVary()
    {
        var oracle = OracleClient.Locate();
        var cases = Seeds().Select(seed => CaseGenerator.Generate(seed, requestCount: 10)).ToList();

        var results = oracle.Authorize(OracleBatch.Prepare(oracle, cases).AuthorizeDocument());
        var all = results.SelectMany(r => r.Responses).ToList();
        var responses = all.Where(r => !r.IsFailure).ToList();
        Assert.True(responses.Count > all.Count * 8 / 10, "too many rejected requests: " + string.Join("\n", all.Where(r => r.IsFailure).Take(10)));

        Assert.True(responses.Count(r => r.Decision == "allow") > responses.Count / 20, "too few allow decisions");
        Assert.True(responses.Count(r => r.Decision == "deny") > responses.Count / 20, "too few deny decisions");
        Assert.True(responses.Count(r => r.Errors.Count > 0) > responses.Count / 20, "too few evaluation errors");
        Assert.Contains(responses, r => r.Reason.Any(id => id.StartsWith("link", StringComparison.Ordinal)));
        var forbids = responses.Count(r => r.Decision == "deny" && r.Reason.Count > 0);
        Assert.True(forbids > responses.Count / 50, $"too few forbid decisions: {forbids} of {responses.Count}");
    }

    private static IEnumerable<int> Seeds() => Enumerable.Range(FirstSeed, SeedCount);
}
