using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Dome.Cedar.Tests.Differential.Oracle;

/// <summary>
/// Runs tools/cedar-oracle (cedar-wasm 4.13.0 under Node) over a whole batch in one process.
/// </summary>
internal sealed class OracleClient
{
    private readonly string oracleDirectory;
    private readonly string node;

    private OracleClient(string oracleDirectory, string node, string runtimeNote)
    {
        this.oracleDirectory = oracleDirectory;
        this.node = node;
        RuntimeNote = runtimeNote;
    }

    /// <summary>Which node runs the oracle: the pinned Node 22 from tools/node22, or, when that is not installed, `node` on PATH.</summary>
    public string RuntimeNote { get; }

    /// <summary>Finds the installed oracle, or throws with what to run to install it.</summary>
    public static OracleClient Locate()
    {
        var root = RepositoryRoot();
        var directory = Path.Combine(root, "tools", "cedar-oracle");
        var wasm = Path.Combine(directory, "node_modules", "@cedar-policy", "cedar-wasm", "package.json");
        if (!File.Exists(wasm))
        {
            throw new OracleUnavailableException(
                $"the cedar-wasm reference oracle is not installed (`{wasm}` is missing): run scripts/test-deps");
        }

        var node22 = Path.Combine(root, "tools", "node22", "node_modules", "node", "bin", "node");
        return File.Exists(node22)
            ? new OracleClient(directory, node22, $"oracle runs on the pinned Node 22 (`{node22}`)")
            : new OracleClient(directory, "node", $"note: `{node22}` is missing (run scripts/test-deps), so the oracle runs on `node` from PATH; "
                + "Node 20's V8 has been seen to crash inside cedar-wasm (exit 133), which is retried");
    }

    /// <summary>The repository root: the nearest folder above the test binaries holding Dome.Functions.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dome.Functions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new OracleUnavailableException($"no `Dome.Functions.sln` above `{AppContext.BaseDirectory}`");
    }

    /// <summary>Runs `oracle.mjs authorize` over a batch document (see oracle.mjs for its shape).</summary>
    public IReadOnlyList<OracleCaseResult> Authorize(string batchJson)
    {
        using var document = JsonDocument.Parse(Run("authorize", batchJson));
        var results = new List<OracleCaseResult>();
        foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var name = item.GetProperty("name").GetString() ?? "";
            IReadOnlyList<string>? parseErrors = item.TryGetProperty("parseErrors", out var errors) ? Strings(errors) : null;
            var responses = new List<OracleResponse>();
            if (item.TryGetProperty("responses", out var list))
            {
                foreach (var response in list.EnumerateArray())
                {
                    responses.Add(response.TryGetProperty("failure", out var failure)
                        ? new OracleResponse(null, [], [], Strings(failure))
                        : new OracleResponse(
                            response.GetProperty("decision").GetString(),
                            Strings(response.GetProperty("reason")),
                            Strings(response.GetProperty("errors")),
                            null));
                }
            }

            results.Add(new OracleCaseResult(name, parseErrors, responses));
        }

        return results;
    }

    /// <summary>Runs `oracle.mjs validate` over a batch document (see oracle.mjs for its shape).</summary>
    public IReadOnlyList<OracleValidation> Validate(string batchJson)
    {
        using var document = JsonDocument.Parse(Run("validate", batchJson));
        var cases = new List<OracleValidation>();
        foreach (var item in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var results = item.GetProperty("results").EnumerateArray().Select(r => r.TryGetProperty("failure", out var failure)
                ? new OracleValidationResult(Strings(failure), [], [])
                : new OracleValidationResult(null, Diagnostics(r.GetProperty("errors")), Diagnostics(r.GetProperty("warnings")))).ToList();
            var text = item.TryGetProperty("text", out var t) ? t.GetString() : null;
            cases.Add(new OracleValidation(item.GetProperty("name").GetString() ?? "", results, text));
        }

        return cases;
    }

    private static List<(string PolicyId, string Message)> Diagnostics(JsonElement array) =>
        [.. array.EnumerateArray().Select(d => (d.GetProperty("policyId").GetString() ?? "", d.GetProperty("message").GetString() ?? ""))];

    /// <summary>Converts policy and template texts to the JSON policy format with cedar-wasm.</summary>
    public OracleJsonPolicies ToJson(IReadOnlyDictionary<string, string> policies, IReadOnlyDictionary<string, string> templates)
    {
        var input = JsonSerializer.Serialize(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["policies"] = policies,
            ["templates"] = templates,
        });
        using var document = JsonDocument.Parse(Run("to-json", input));
        var root = document.RootElement;
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("errors").EnumerateObject())
        {
            errors[property.Name] = Strings(property.Value);
        }

        return new OracleJsonPolicies(RawValues(root.GetProperty("policies")), RawValues(root.GetProperty("templates")), errors);
    }

    private static Dictionary<string, string> RawValues(JsonElement map) =>
        map.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);

    private static List<string> Strings(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.GetString() ?? "")];

    /// <summary>
    /// Runs the oracle over <paramref name="input"/>. Node 20's V8 has been seen to abort in its
    /// deoptimizer under heavy machine load (exit 133, "Fatal error ... unreachable code"); such a
    /// crash is retried twice before giving up. When DOME_ORACLE_KEEP_INPUT names a folder, each
    /// input is kept there for reproduction.
    /// </summary>
    private string Run(string mode, string input)
    {
        var keep = Environment.GetEnvironmentVariable("DOME_ORACLE_KEEP_INPUT");
        var directory = string.IsNullOrEmpty(keep) ? Path.GetTempPath() : Directory.CreateDirectory(keep).FullName;
        var inputFile = Path.Combine(directory, "dome-oracle-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(inputFile, input, new UTF8Encoding(false));
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (exitCode, stdout, stderr) = RunNode(mode, inputFile);
                if (exitCode == 0)
                {
                    return stdout;
                }

                var crashed = stderr.Contains("Fatal error", StringComparison.Ordinal) || exitCode >= 128;
                if (!crashed || attempt == 6)
                {
                    throw new OracleUnavailableException($"the oracle exited with {exitCode} (attempt {attempt}): {stderr.Trim()}");
                }
            }
        }
        finally
        {
            if (string.IsNullOrEmpty(keep))
            {
                File.Delete(inputFile);
            }
        }
    }

    private (int ExitCode, string Stdout, string Stderr) RunNode(string mode, string inputFile)
    {
        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = oracleDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(oracleDirectory, "oracle.mjs"));
        start.ArgumentList.Add(mode);
        start.ArgumentList.Add(inputFile);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new OracleUnavailableException($"could not start `{node}`");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new OracleUnavailableException($"could not start `{node}` ({exception.Message}): install Node.js >= 18 and run scripts/test-deps");
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout, stderr.Result);
        }
    }
}
