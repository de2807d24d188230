using System.Text.Json.Nodes;

namespace Dome.Cli.Tests.Commands;

public sealed class AgentsCommandTests : CliTestBase
{
    [Fact]
    public async Task ProductPageFlow_RegisterActivateSuspendResumeRevoke_ThenActivateFailsNamingTheState()
    {
        var register = await RunAsync("agents register --name support-triage --tier standard --tool zendesk --pool premium-reasoning --require-actas oidc");
        Assert.True(register.ExitCode == 0, register.Error);
        Assert.Matches("API key \\(shown once; store it now\\): dome_ak_[0-9a-f]{16}_", register.Output);

        foreach (var (verb, state) in new[] { ("activate", "active"), ("suspend", "suspended"), ("resume", "active"), ("revoke", "revoked") })
        {
            var run = await RunAsync($"agents {verb} support-triage");
            Assert.Equal((0, $"agent support-triage is now {state}\n"), (run.ExitCode, run.Output.ReplaceLineEndings("\n")));
        }

        var again = await RunAsync("agents activate support-triage");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("cannot activate agent `support-triage`: it is revoked", again.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", again.Error, StringComparison.Ordinal);

        var show = await RunAsync("agents show support-triage --output json");
        Assert.Equal(0, show.ExitCode);
        var agent = JsonNode.Parse(show.Output)!;
        Assert.Equal(("revoked", "standard", "oidc"), (agent["status"]!.GetValue<string>(), agent["tier"]!.GetValue<string>(), agent["requireActAs"]!.GetValue<string>()));
        Assert.Equal(["premium-reasoning"], agent["modelPools"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(
            ["registered", "activated", "suspended", "resumed", "revoked"],
            agent["history"]!.AsArray().Select(e => e!["event"]!.GetValue<string>()));
    }

    [Fact]
    public async Task List_TableAndJson_ShowRegisteredAgents()
    {
        await RunAsync("agents register --name one --tier restricted --owner alice");
        await RunAsync("workspaces create ops");
        await RunAsync("agents register --name two --tier privileged --workspace ops --owner bob");

        var table = await RunAsync("agents list");
        var json = await RunAsync("agents list --output json --owner bob");

        Assert.Equal(0, table.ExitCode);
        var lines = table.Output.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.StartsWith("NAME", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains("one", lines[1], StringComparison.Ordinal);
        Assert.Equal(["two"], JsonNode.Parse(json.Output)!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RotateKey_PrintsNewKey()
    {
        var first = await RunAsync("agents register --name triage --tier standard --output json");
        var rotated = await RunAsync("agents rotate-key triage --output json");

        Assert.Equal((0, 0), (first.ExitCode, rotated.ExitCode));
        Assert.NotEqual(JsonNode.Parse(first.Output)!["apiKey"]!.GetValue<string>(), JsonNode.Parse(rotated.Output)!["apiKey"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("agents register --tier standard")]
    [InlineData("agents register --name a")]
    [InlineData("agents frobnicate x")]
    [InlineData("agents list --output yaml")]
    [InlineData("agents show")]
    public async Task UsageErrors_ExitWith2(string commandLine)
    {
        var run = await RunAsync(commandLine);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerRefusal_ExitsWith1AndPrintsTheProblem()
    {
        var run = await RunAsync("agents register --name a --tier admin");
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: unknown tier `admin`: use `restricted`, `standard` or `privileged` (400 invalid_request)\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task AdminKey_FromOptionFileOrEnvironment_WrongKeyFails()
    {
        var keyFile = Path.Combine(WorkDir, "key.txt");
        await File.WriteAllTextAsync(keyFile, Server.AdminKey, TestContext.Current.CancellationToken);
        File.Delete(Path.Combine(WorkDir, ".dome", "admin.key"));

        var none = await RunAsync("agents list");
        var fromFile = await RunAsync($"agents list --admin-key {keyFile}");
        Environment["DOME_ADMIN_KEY"] = File.ReadAllText(keyFile);
        var fromEnvironment = await RunAsync("agents list");
        var wrong = await RunAsync("agents list --admin-key dome_adm_0000000000000000_nope");

        Assert.Equal(1, none.ExitCode);
        Assert.Contains("no admin key found", none.Error, StringComparison.Ordinal);
        Assert.Equal((0, 0), (fromFile.ExitCode, fromEnvironment.ExitCode));
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("401 unauthenticated", wrong.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableServer_ExitsWith1AndSaysWhere()
    {
        var run = await RunAsync("agents list --url http://127.0.0.1:9");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot reach Dome at http://127.0.0.1:9/", run.Error, StringComparison.Ordinal);
    }
}
