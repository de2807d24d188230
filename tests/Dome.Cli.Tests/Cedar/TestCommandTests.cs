using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dome.Cli.Cedar;

namespace Dome.Cli.Tests.Cedar;

/// <summary>
/// `dome cedar test` on real Cedar conformance files (Cedar/Data/conformance, see its README): schemas in both formats,
/// schema-based parsing of context, strict validation compared with `shouldValidate`, and the exit codes.
/// </summary>
public sealed class TestCommandTests : IDisposable
{
    private const string ValidId = "f5f4d8be209ff1cf470dcd1fbb6ef8fe95f3d020";
    private const string InvalidId = "1c84a610c24f3a5741140318e03c2f1a3aacbf68";
    private const string FlipId = "edefda397789ceda19e9d403adff6192ddf267de";

    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "Cedar", "Data", "conformance");

    private readonly string temp = Path.Combine(Path.GetTempPath(), "dome-cli-cedar-test-" + Guid.NewGuid().ToString("N"));

    public TestCommandTests() => Directory.CreateDirectory(Path.Combine(temp, "corpus-tests"));

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { CedarCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private static string Corpus(string id) => Path.Combine(Data, "corpus-tests", id + ".json");

    private static string Flips => Path.Combine(Data, "validation-4.13-flips.txt");

    /// <summary>Copies a corpus test into the temp folder with its `shouldValidate` (or another field) changed.</summary>
    private string CopyWith(string id, Action<JsonObject> change)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Data, "corpus-tests"), id + ".*"))
        {
            File.Copy(file, Path.Combine(temp, "corpus-tests", Path.GetFileName(file)));
        }

        string test = Path.Combine(temp, "corpus-tests", id + ".json");
        var json = JsonNode.Parse(File.ReadAllText(test))!.AsObject();
        change(json);
        File.WriteAllText(test, json.ToJsonString());
        return test;
    }

    [Fact]
    public void Test_ConformanceFolder_EveryFilePassesWithTheFlips()
    {
        var (exit, output, error) = Run("cedar", "test", Data, "--validation-flips", Flips);

        Assert.Equal(0, exit);
        Assert.Empty(error);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
        Assert.Contains($"PASS {Corpus(ValidId)}: validates, as expected; 8 of 8 requests passed", output, StringComparison.Ordinal);
        Assert.Contains($"PASS {Corpus(InvalidId)}: does not validate, as expected; 8 of 8 requests passed", output, StringComparison.Ordinal);
        Assert.Contains($"PASS {Corpus(FlipId)}: validates, as expected; 8 of 8 requests passed", output, StringComparison.Ordinal);
        Assert.EndsWith("files: 5 passed, 0 failed; requests: 28 passed, 0 failed" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_JsonFormatSchema_ReadsContextWithTheSchema()
    {
        // The context holds `"source_ip": "222.222.222.222"`; only schema-based parsing makes it an ipaddr, which the
        // policy compares with `ip("222.222.222.222")`, so the expected allow proves the JSON schema was used.
        string file = Path.Combine(Data, "tests", "ip", "1-json-schema.json");
        var (exit, output, _) = Run("cedar", "test", file, "--root", Data);

        Assert.Equal(0, exit);
        Assert.Contains($"PASS {file}: validates, as expected; 2 of 2 requests passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_FlipWithoutFlipsFile_FailsTheFileAndNamesTheCedar413Rule()
    {
        var (exit, output, _) = Run("cedar", "test", Corpus(FlipId));

        Assert.Equal(1, exit);
        Assert.Contains($"FAIL {Corpus(FlipId)}: the policies validate but `shouldValidate` is false (from Cedar 4.13", output, StringComparison.Ordinal);
        Assert.EndsWith("files: 0 passed, 1 failed; requests: 8 passed, 0 failed" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_WrongShouldValidateFalse_FailsTheFileThoughEveryRequestPasses()
    {
        string test = CopyWith(ValidId, json => json["shouldValidate"] = false);

        var (exit, output, _) = Run("cedar", "test", test);

        Assert.Equal(1, exit);
        Assert.Contains($"FAIL {test}: the policies validate but `shouldValidate` is false; 8 of 8 requests passed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("4.13", output, StringComparison.Ordinal);
        Assert.EndsWith("files: 0 passed, 1 failed; requests: 8 passed, 0 failed" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_WrongShouldValidateTrue_FailsTheFileWithTheValidationErrors()
    {
        string test = CopyWith(InvalidId, json => json["shouldValidate"] = true);

        var (exit, output, _) = Run("cedar", "test", test);

        Assert.Equal(1, exit);
        Assert.Contains($"FAIL {test}: the policies do not validate but `shouldValidate` is true: policy", output, StringComparison.Ordinal);
        Assert.Contains("8 of 8 requests passed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_Json_PrintsOneObjectPerFileAfterItsRequests()
    {
        string wrong = CopyWith(ValidId, json => json["shouldValidate"] = false);

        var (exit, output, error) = Run("cedar", "test", Corpus(InvalidId), wrong, "--json");

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
        Assert.Equal(18, lines.Length);
        Assert.All(lines[..8], l => Assert.True(l.TryGetProperty("index", out _)));
        var invalid = lines[8];
        Assert.Equal(Corpus(InvalidId), invalid.GetProperty("file").GetString());
        Assert.False(invalid.GetProperty("validates").GetBoolean());
        Assert.False(invalid.GetProperty("shouldValidate").GetBoolean());
        Assert.False(invalid.TryGetProperty("failure", out _));
        var mismatch = lines[17];
        Assert.Equal(wrong, mismatch.GetProperty("file").GetString());
        Assert.True(mismatch.GetProperty("validates").GetBoolean());
        Assert.False(mismatch.GetProperty("shouldValidate").GetBoolean());
        Assert.Contains("`shouldValidate` is false", mismatch.GetProperty("failure").GetString(), StringComparison.Ordinal);
        Assert.Equal("files: 1 passed, 1 failed; requests: 16 passed, 0 failed", error.Trim());
    }

    [Fact]
    public void Test_MalformedSchema_FailsTheFileWithALocatedErrorAndNoStackTrace()
    {
        string test = CopyWith(ValidId, _ => { });
        File.WriteAllText(Path.ChangeExtension(test, ".cedarschema"), "entity a;\naction \"\" appliesTo { principal: [a], resource: [b] };\n");

        var (exit, output, _) = Run("cedar", "test", test);

        Assert.Equal(1, exit);
        Assert.Contains($"FAIL {test}: invalid schema `{ValidId}.cedarschema`: ", output, StringComparison.Ordinal);
        Assert.Contains("`b`", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);

        var (jsonExit, jsonOutput, _) = Run("cedar", "test", test, "--json");
        Assert.Equal(1, jsonExit);
        using var file = JsonDocument.Parse(jsonOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Equal(JsonValueKind.Null, file.RootElement.GetProperty("validates").ValueKind);
        Assert.StartsWith("invalid schema", file.RootElement.GetProperty("failure").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Test_EntityNotConformingToSchema_FailsEveryRequest()
    {
        string test = CopyWith(ValidId, _ => { });
        File.WriteAllText(Path.Combine(temp, "corpus-tests", ValidId + ".entities.json"),
            """[{"uid": {"type": "a", "id": "x"}, "attrs": {"undeclared": 1}, "parents": []}]""");

        var (exit, output, _) = Run("cedar", "test", test);

        Assert.Equal(1, exit);
        Assert.Contains("entity does not conform to the schema", output, StringComparison.Ordinal);
        Assert.EndsWith("files: 0 passed, 1 failed; requests: 0 passed, 8 failed" + Environment.NewLine, output, StringComparison.Ordinal);
    }
}
