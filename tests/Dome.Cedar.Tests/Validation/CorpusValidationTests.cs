using System.Text.Json;
using Dome.Cedar.Schema;
using Dome.Cedar.Tests.Schema;
using Dome.Cedar.Validation;

namespace Dome.Cedar.Tests.Validation;

/// <summary>Strict validation agrees with `shouldValidate` on the corpus (4.13 flips applied) and the hand-written tests.</summary>
public sealed class CorpusValidationTests
{
    [Fact]
    public void Validate_CorpusTests_AgreeWithShouldValidate()
    {
        string root = ConformanceData.RequireCorpus();
        var flips = ConformanceData.ValidationFlips();
        var files = Directory.GetFiles(Path.Combine(root, "corpus-tests"), "*.json")
            .Where(f => !f.EndsWith(".entities.json", StringComparison.Ordinal))
            .ToArray();

        var failures = Disagreements(root, files, flips);

        Assert.Equal(7809, files.Length);
        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Length} disagree:\n" + string.Join("\n", failures.Take(25)));
    }

    [Fact]
    public void Validate_HandWrittenTests_AgreeWithShouldValidate()
    {
        string root = ConformanceData.RequireRoot();
        var files = Directory.GetFiles(Path.Combine(root, "tests"), "*.json", SearchOption.AllDirectories);

        var failures = Disagreements(root, files, []);

        Assert.Equal(22, files.Length);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static List<string> Disagreements(string root, string[] files, HashSet<string> flips)
    {
        var failures = new List<string>();
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var test = doc.RootElement;
            string id = Path.GetFileNameWithoutExtension(file);
            bool expected = test.GetProperty("shouldValidate").GetBoolean() || flips.Contains(id);
            try
            {
                var schema = CedarSchema.ParseText(File.ReadAllText(Path.Combine(root, test.GetProperty("schema").GetString()!)));
                var policies = PolicySet.Parse(File.ReadAllText(Path.Combine(root, test.GetProperty("policies").GetString()!)));
                var result = CedarValidator.Validate(policies, schema);
                if (result.IsValid != expected)
                {
                    failures.Add($"{id}: expected {(expected ? "valid" : "invalid")}, got {(result.IsValid ? "valid" : string.Join(" | ", result.Errors))}");
                }
            }
            catch (Exception e) when (e is CedarSchemaException or CedarParseException)
            {
                failures.Add($"{id}: {e.Message}");
            }
        }

        return failures;
    }
}
