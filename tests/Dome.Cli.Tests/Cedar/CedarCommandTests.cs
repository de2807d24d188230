using System.CommandLine;
using System.Text.Json;
using Dome.Cli.Cedar;

namespace Dome.Cli.Tests.Cedar;

public sealed class CedarCommandTests : IDisposable
{
    private const string Policies = """
        permit(principal in Group::"staff", action == Action::"read", resource);
        forbid(principal, action, resource) when { resource.secret };
        """;

    private const string Entities = """
        [
          {"uid": {"type": "User", "id": "alice"}, "attrs": {}, "parents": [{"type": "Group", "id": "staff"}]},
          {"uid": {"type": "Doc", "id": "open"}, "attrs": {"secret": false}, "parents": []},
          {"uid": {"type": "Doc", "id": "closed"}, "attrs": {"secret": true}, "parents": []}
        ]
        """;

    private readonly string dir = Path.Combine(Path.GetTempPath(), "dome-cli-cedar-" + Guid.NewGuid().ToString("N"));

    public CedarCommandTests()
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "p.cedar"), Policies);
        File.WriteAllText(Path.Combine(dir, "e.json"), Entities);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { CedarCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private string[] Authorize(string principal, string resource) =>
        ["cedar", "authorize", "--policies", Path.Combine(dir, "p.cedar"), "--entities", Path.Combine(dir, "e.json"),
         "--principal", principal, "--action", "Action::\"read\"", "--resource", resource];

    [Fact]
    public void Authorize_PermittedRequest_PrintsAllowAndExitsZero()
    {
        var (exit, output, _) = Run(Authorize("User::\"alice\"", "Doc::\"open\""));
        Assert.Equal(0, exit);
        Assert.Contains("decision: allow", output, StringComparison.Ordinal);
        Assert.Contains("reasons: policy0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_ForbiddenRequest_PrintsDenyAndExitsTwo()
    {
        var (exit, output, _) = Run(Authorize("User::\"alice\"", "Doc::\"closed\""));
        Assert.Equal(2, exit);
        Assert.Contains("decision: deny", output, StringComparison.Ordinal);
        Assert.Contains("reasons: policy1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_ErroringPolicy_ListsTheError()
    {
        var (exit, output, _) = Run(Authorize("User::\"alice\"", "Doc::\"missing\""));
        Assert.Equal(0, exit);
        Assert.Contains("error: policy1:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_BadPolicyFile_PrintsLocatedErrorAndExitsOne()
    {
        File.WriteAllText(Path.Combine(dir, "p.cedar"), "permit(principal, action, resource) when { 1 + };");
        var (exit, output, error) = Run(Authorize("User::\"alice\"", "Doc::\"open\""));
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.StartsWith("error: unexpected token `}`", error, StringComparison.Ordinal);
        Assert.Contains("at 1:48", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_BadUid_ExplainsTheExpectedForm()
    {
        var (exit, _, error) = Run(Authorize("alice", "Doc::\"open\""));
        Assert.Equal(1, exit);
        Assert.Contains("`--principal` is not an entity uid", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_JsonPolicyFormat_ReadsPolicySetJson()
    {
        File.WriteAllText(Path.Combine(dir, "p.json"), """
            {"staticPolicies": {"allow-all": {"effect": "permit", "principal": {"op": "All"}, "action": {"op": "All"}, "resource": {"op": "All"}, "conditions": []}},
             "templates": {}, "templateLinks": []}
            """);
        var (exit, output, _) = Run("cedar", "authorize", "--policies", Path.Combine(dir, "p.json"), "--policy-format", "json", "--entities", Path.Combine(dir, "e.json"),
            "--principal", "User::\"x\"", "--action", "Action::\"read\"", "--resource", "Doc::\"open\"");
        Assert.Equal(0, exit);
        Assert.Contains("reasons: allow-all", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Authorize_RequestsFile_PrintsJsonAnswersInOrder()
    {
        File.WriteAllText(Path.Combine(dir, "r.json"), """
            [
              {"principal": {"type": "User", "id": "alice"}, "action": {"type": "Action", "id": "read"}, "resource": {"type": "Doc", "id": "open"}, "context": {}},
              {"principal": {"type": "User", "id": "alice"}, "action": {"type": "Action", "id": "read"}, "resource": {"type": "Doc", "id": "closed"}, "context": {}}
            ]
            """);
        var (exit, output, _) = Run("cedar", "authorize", "--policies", Path.Combine(dir, "p.cedar"), "--entities", Path.Combine(dir, "e.json"), "--requests", Path.Combine(dir, "r.json"));
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var answers = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, answers.Length);
        Assert.Equal("allow", answers[0].GetProperty("decision").GetString());
        Assert.Equal("deny", answers[1].GetProperty("decision").GetString());
        Assert.Equal("policy1", answers[1].GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public void Test_PassingAndFailingRequests_ReportsCountsAndExitCode()
    {
        File.WriteAllText(Path.Combine(dir, "t.json"), """
            {"policies": "p.cedar", "entities": "e.json", "shouldValidate": false, "requests": [
              {"description": "ok", "principal": {"type": "User", "id": "alice"}, "action": {"type": "Action", "id": "read"}, "resource": {"type": "Doc", "id": "open"}, "context": {}, "decision": "allow", "reason": ["policy0"], "errors": []},
              {"description": "wrong", "principal": {"type": "User", "id": "alice"}, "action": {"type": "Action", "id": "read"}, "resource": {"type": "Doc", "id": "closed"}, "context": {}, "decision": "allow", "reason": ["policy0"], "errors": []}
            ]}
            """);
        var (exit, output, _) = Run("cedar", "test", Path.Combine(dir, "t.json"));
        Assert.Equal(1, exit);
        Assert.Contains("#1 (wrong)", output, StringComparison.Ordinal);
        Assert.Contains("FAIL " + Path.Combine(dir, "t.json") + ": no schema, not validated; 1 of 2 requests passed", output, StringComparison.Ordinal);
        Assert.EndsWith("files: 0 passed, 1 failed; requests: 1 passed, 1 failed" + Environment.NewLine, output, StringComparison.Ordinal);

        var (jsonExit, jsonOutput, jsonError) = Run("cedar", "test", dir, "--json");
        Assert.Equal(1, jsonExit);
        var lines = jsonOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(1, second.RootElement.GetProperty("index").GetInt32());
        Assert.Equal("deny", second.RootElement.GetProperty("decision").GetString());
        using var file = JsonDocument.Parse(lines[2]);
        Assert.Equal(JsonValueKind.Null, file.RootElement.GetProperty("validates").ValueKind);
        Assert.Contains("files: 0 passed, 1 failed", jsonError, StringComparison.Ordinal);
    }
}
