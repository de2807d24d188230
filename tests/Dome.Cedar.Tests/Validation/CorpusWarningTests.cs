using System.Text.Json;
using System.Text.RegularExpressions;
using Dome.Cedar.Schema;
using Dome.Cedar.Tests.Differential.Oracle;
using Dome.Cedar.Tests.Schema;
using Dome.Cedar.Validation;
using Dome.Cedar.Validation.Unicode;

namespace Dome.Cedar.Tests.Validation;

/// <summary>
/// Validation warnings against the reference (cedar-wasm 4.13.0's `validate`, run by tools/cedar-oracle) on every corpus
/// test whose policies hold an escape or a character outside printable ASCII: the tests where hidden-text warnings can
/// arise. The corpus files record no warnings, hence the oracle.
/// </summary>
public sealed partial class CorpusWarningTests
{
    private const int BatchSize = 500;

    [Fact]
    public void Validate_CorpusTestsWithEscapesOrNonAscii_WarnLikeTheReference()
    {
        string root = ConformanceData.RequireCorpus();
        var oracle = OracleClient.Locate();
        var tests = Directory.GetFiles(Path.Combine(root, "corpus-tests"), "*.cedar")
            .Order(StringComparer.Ordinal)
            .Select(f => (Id: Path.GetFileNameWithoutExtension(f), Policies: File.ReadAllText(f)))
            .Where(t => MayHideText().IsMatch(t.Policies))
            .Select(t => (t.Id, t.Policies, Schema: File.ReadAllText(Path.Combine(root, "corpus-tests", t.Id + ".cedarschema"))))
            .ToList();

        var disagreements = new List<string>();
        int hiddenTextWarnings = 0;
        foreach (var batch in tests.Chunk(BatchSize))
        {
            var answers = oracle.Validate(JsonSerializer.Serialize(new
            {
                cases = batch.Select(t => new { name = t.Id, policies = t.Policies, schemas = new[] { t.Schema } }),
            }));
            Assert.Equal(batch.Length, answers.Count);
            foreach (var (test, answer) in batch.Zip(answers))
            {
                var reference = Assert.Single(answer.Results);
                Assert.Null(reference.Failure);
                var expected = reference.Warnings.Select(w => $"{w.PolicyId}: {Displayed(w.Message)}").ToHashSet(StringComparer.Ordinal);
                var result = CedarValidator.Validate(PolicySet.Parse(test.Policies), CedarSchema.ParseText(test.Schema));
                var actual = result.Warnings.Select(w => $"{w.PolicyId}: {w.Message}").ToHashSet(StringComparer.Ordinal);
                hiddenTextWarnings += expected.Count(w => w.Contains("mixed scripts", StringComparison.Ordinal) || w.Contains("Security Profile", StringComparison.Ordinal));
                if (!expected.SetEquals(actual))
                {
                    disagreements.Add($"{test.Id}: reference only [{string.Join(" | ", expected.Except(actual))}], Dome only [{string.Join(" | ", actual.Except(expected))}]");
                }
            }
        }

        Assert.Equal(1551, tests.Count);
        Assert.True(hiddenTextWarnings > 500, $"only {hiddenTextWarnings} hidden-text warnings: the selection no longer exercises them");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {tests.Count} disagree:\n" + string.Join("\n", disagreements.Take(20)));
    }

    /// <summary>
    /// The reference's message without its `for policy ..., ` prefix and with a string's hidden characters escaped, as
    /// Dome prints them (the reference prints strings raw).
    /// </summary>
    private static string Displayed(string message) => DebugEscape.Hidden(PolicyPrefix().Replace(message, string.Empty, 1));

    [GeneratedRegex(@"\\|[^\x20-\x7E\n]")]
    private static partial Regex MayHideText();

    [GeneratedRegex(@"^for policy `[^`]*`, ")]
    private static partial Regex PolicyPrefix();
}
