using System.CommandLine;
using System.Text.Json;
using Dome.Cedar.Conformance;

namespace Dome.Cli.Cedar;

/// <summary>
/// `dome cedar test PATH...`: runs Cedar integration-test files (or folders of them), prints each failing request and a
/// final `N passed, N failed` line; exit 0 only when none failed. `--json` prints one JSON object per request instead.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Integration-test JSON files or folders of them.", Arity = ArgumentArity.OneOrMore };
        var root = new Option<DirectoryInfo?>("--root") { Description = "Folder the paths inside the test files are relative to (default: found by walking up from each file)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per request: {file, index, decision, reasons, errors}." };
        var command = new Command("test", "Run Cedar integration tests (the cedar-integration-tests format).") { paths, root, json };
        command.SetAction(parse => CedarCli.Run(parse, (output, error) =>
        {
            var files = Expand(parse.GetValue(paths) ?? []);
            if (files.Count == 0)
            {
                throw new CliFailure("no integration-test JSON files found in the given paths");
            }

            bool asJson = parse.GetValue(json);
            var rootDir = parse.GetValue(root);
            int passed = 0, failed = 0;
            foreach (var file in files)
            {
                string testRoot = rootDir?.FullName ?? FindRoot(file);
                foreach (var outcome in IntegrationTestRunner.Run(file, testRoot))
                {
                    if (outcome.Passed)
                    {
                        passed++;
                    }
                    else
                    {
                        failed++;
                    }

                    if (asJson)
                    {
                        output.WriteLine(ToJson(outcome));
                    }
                    else if (!outcome.Passed)
                    {
                        output.WriteLine($"FAIL {outcome.File} #{outcome.Index} ({outcome.Expected.Description}): {outcome.Failure}");
                    }
                }
            }

            (asJson ? error : output).WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        }));
        return command;
    }

    private static List<string> Expand(string[] paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.json", SearchOption.AllDirectories)
                    .Where(f => !f.EndsWith(".entities.json", StringComparison.Ordinal) && IsIntegrationTest(f))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else
            {
                throw new CliFailure($"`{path}` is neither a file nor a folder");
            }
        }

        return files;
    }

    /// <summary>Whether a JSON file found in a folder is an integration test (an object with `requests`), not data.</summary>
    private static bool IsIntegrationTest(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("requests", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The nearest folder above <paramref name="file"/> from which the test's policies path resolves.</summary>
    private static string FindRoot(string file)
    {
        var test = IntegrationTest.Load(file);
        var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(file))!);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, test.PoliciesPath)))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new CliFailure($"cannot find `{test.PoliciesPath}` (named in `{file}`) in any folder above it; pass `--root`");
    }

    private static string ToJson(IntegrationOutcome outcome)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("file", outcome.File);
            json.WriteNumber("index", outcome.Index);
            if (outcome.Actual is { } actual)
            {
                json.WriteString("decision", actual.IsAllowed ? "allow" : "deny");
                json.WriteStartArray("reasons");
                foreach (var id in actual.Reasons)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
                json.WriteStartArray("errors");
                foreach (var e in actual.Errors)
                {
                    json.WriteStringValue(e.PolicyId);
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteNull("decision");
                json.WriteString("failure", outcome.Failure);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
