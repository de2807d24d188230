using System.Text.Json.Nodes;

namespace Dome.Cli.Tests.Commands;

public sealed class TenantsCommandTests : CliTestBase
{
    [Fact]
    public async Task TenantsCreate_PrintsAdminKeyOnce_ThatKeyWorksOnlyInItsTenant()
    {
        var created = await RunAsync("tenants create acme");
        Assert.Equal(0, created.ExitCode);
        var key = System.Text.RegularExpressions.Regex.Match(created.Output, "dome_adm_[0-9a-f]{16}_[A-Za-z0-9_-]+").Value;
        Assert.NotEmpty(key);

        var list = await RunAsync("tenants list --output json");
        Assert.DoesNotContain(key, list.Output, StringComparison.Ordinal);
        Assert.Equal(["acme", "default"], JsonNode.Parse(list.Output)!.AsArray().Select(t => t!["name"]!.GetValue<string>()));

        await RunAsync("agents register --name triage --tier standard");
        var acmeAgents = await RunArgsAsync("agents", "list", "--output", "json", "--admin-key", key);
        Assert.Empty(JsonNode.Parse(acmeAgents.Output)!.AsArray());
    }

    [Fact]
    public async Task WorkspacesCreate_InOwnTenantOrByOperatorInAnother()
    {
        await RunAsync("tenants create acme");

        var own = await RunAsync("workspaces create ops");
        var other = await RunAsync("workspaces create support --tenant acme");
        var duplicate = await RunAsync("workspaces create ops");

        Assert.Equal((0, 0, 1), (own.ExitCode, other.ExitCode, duplicate.ExitCode));
        Assert.Contains("workspace `ops` already exists", duplicate.Error, StringComparison.Ordinal);
        var ownList = JsonNode.Parse((await RunAsync("workspaces list --output json")).Output)!.AsArray();
        var acmeList = JsonNode.Parse((await RunAsync("workspaces list --tenant acme --output json")).Output)!.AsArray();
        Assert.Equal(["default", "ops"], ownList.Select(w => w!["name"]!.GetValue<string>()));
        Assert.Equal(["default", "support"], acmeList.Select(w => w!["name"]!.GetValue<string>()));
    }
}
