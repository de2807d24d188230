using System.CommandLine;
using System.Text.Json;
using Dome.Cedar.Conformance;

namespace Dome.Cli.Cedar;

/// <summary>
/// `dome cedar test PATH...`: runs Cedar integration-test files (or folders of them). For each file the policies are
/// validated against its schema (strict mode) and compared with `shouldValidate`, entities, context and requests are
/// read and checked with the schema, and each request is authorized. Prints each failing request, one summary line per
/// file and a final count line; `--json` prints one JSON object per request and one per file instead.
/// Exit 0 only when every file passed, 1 otherwise (also for unreadable input).
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Integration-test JSON files or folders of them.", Arity = ArgumentArity.OneOrMore };
        var root = new Option<DirectoryInfo?>("--root") { Description = "Folder the paths inside the test files are relative to (default: found by walking up from each file)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per line: per request {file, index, decision, reasons, errors}, then per file {file, validates, shouldValidate}." };
        var flips = new Option<FileInfo?>("--validation-flips") { Description = "File of test ids (file names without .json, one a line) expected to validate whatever their shouldValidate says (the corpus's validation-4.13-flips.txt)." };
        var command = new Command("test", "Run Cedar integration tests (the cedar-integration-tests format).") { paths, root, json, flips };
        command.SetAction(parse => CedarCli.Run(parse, (output, error) =>
        {
            var files = Expand(parse.GetValue(paths) ?? []);
            if (files.Count == 0)
            {
                throw new CliFailure("no integration-test JSON files found in the given paths");
            }

            bool asJson = parse.GetValue(json);
            var rootDir = parse.GetValue(root);
            var flipIds = parse.GetValue(flips) is { } flipsFile ? ReadFlips(flipsFile) : null;
            var counts = new TestCounts();
            foreach (var file in files)
            {
                string testRoot = rootDir?.FullName ?? FindRoot(file);
                var outcome = IntegrationTestRunner.RunFile(file, testRoot, validate: true, flipIds);
                counts.Add(outcome);
                if (asJson)
                {
                    foreach (var request in outcome.Requests)
                    {
                        output.WriteLine(TestJson.Request(request));
                    }

                    output.WriteLine(TestJson.File(outcome));
                    continue;
                }

                foreach (var request in outcome.Requests.Where(r => !r.Passed))
                {
                    output.WriteLine($"FAIL {request.File} #{request.Index} ({request.Expected.Description}): {request.Failure}");
                }

                output.WriteLine(SummaryLine(outcome));
            }

            (asJson ? error : output).WriteLine(counts.ToString());
            return counts.FilesFailed == 0 ? 0 : 1;
        }));
        return command;
    }

    /// <summary>`PASS file: validates, as expected; 5 of 5 requests passed` (or `FAIL file: why; ...`).</summary>
    private static string SummaryLine(IntegrationFileOutcome outcome)
    {
        int passed = outcome.Requests.Count(r => r.Passed);
        string requests = $"{passed} of {outcome.Requests.Count} requests passed";
        string validation = outcome.Failure ?? outcome.Validates switch
        {
            true => "validates, as expected",
            false => "does not validate, as expected",
            null => "no schema, not validated",
        };
        return $"{(outcome.Passed ? "PASS" : "FAIL")} {outcome.File}: {validation}; {requests}";
    }

    private static HashSet<string> ReadFlips(FileInfo file) =>
        CedarCli.ReadFile(file, "validation flips")
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);

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
}
