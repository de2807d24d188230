using System.Text.Json.Nodes;
using Dome.Testing;

namespace Dome.Functions.Tests.Deployment;

/// <summary>
/// Every Bicep file under <c>infra/</c> parses: tree-sitter-bicep's grammar (npm, pinned in tools/bicep-parse and
/// installed by scripts/test-deps) run offline by web-tree-sitter; any ERROR or MISSING node fails with its place.
/// </summary>
public sealed class BicepParseTests
{
    private static readonly string Parser = RepositoryRoot.Combine("tools", "bicep-parse", "parse.cjs");

    [Fact]
    public async Task EveryBicepFile_ParsesWithoutErrorOrMissingNodes()
    {
        var files = Directory.GetFiles(RepositoryRoot.Combine("infra"), "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

        var parsed = await ParseAsync(files);

        Assert.Contains(RepositoryRoot.Combine("infra", "main.bicep"), files);
        Assert.Equal(files, parsed.Select(f => f.File));
        Assert.All(parsed, f => Assert.True(f.Nodes > 10, $"`{f.File}` parsed into only {f.Nodes} nodes"));
        Assert.Empty(parsed.SelectMany(f => f.Problems));
    }

    [Fact]
    public async Task BrokenBicep_IsReportedWithItsLocation()
    {
        using var directory = new TempDirectory();
        var broken = Path.Combine(directory.Path, "broken.bicep");
        await File.WriteAllTextAsync(
            broken,
            "param name string\n\nresource site 'Microsoft.Web/sites@2024-04-01' = {\n  name: name\n  properties: {\n    httpsOnly: true\n}\n",
            TestContext.Current.CancellationToken);

        var parsed = Assert.Single(await ParseAsync([broken]));

        var problem = Assert.Single(parsed.Problems);
        Assert.StartsWith($"`{broken}` line 3, column 1: ", problem, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<(string File, int Nodes, IReadOnlyList<string> Problems)>> ParseAsync(IReadOnlyList<string> files)
    {
        Assert.True(
            File.Exists(RepositoryRoot.Combine("tools", "bicep-parse", "node_modules", "tree-sitter-bicep", "tree-sitter-bicep.wasm")),
            "tree-sitter-bicep is not installed in tools/bicep-parse: run scripts/test-deps");
        var result = await ChildProcess.RunAsync("node", [Parser, .. files], RepositoryRoot.Path, TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode is 0 or 1, "the Bicep parser failed: " + result.Describe());
        return [.. JsonNode.Parse(result.Output)!["files"]!.AsArray().Select(f =>
        {
            var file = f!["file"]!.GetValue<string>();
            IReadOnlyList<string> problems = [.. f["problems"]!.AsArray().Select(p =>
                $"`{file}` line {p!["line"]}, column {p["column"]}: {p["kind"]} at `{p["text"]!.GetValue<string>().ReplaceLineEndings(" ")}`")];
            return (file, f["nodes"]!.GetValue<int>(), problems);
        })];
    }
}
