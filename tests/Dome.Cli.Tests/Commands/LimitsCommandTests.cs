using System.Text.Json.Nodes;

namespace Dome.Cli.Tests.Commands;

public sealed class LimitsCommandTests : CliTestBase
{
    [Fact]
    public async Task LimitsSet_ThenList_ShowsEveryScope()
    {
        var agent = await RunAsync("limits set --scope agent --name triage --rps 2 --burst 5 --concurrency 3 --daily-quota 1000");
        var tool = await RunAsync("limits set --scope tool --name zendesk/create_ticket --rps 1");
        var tenant = await RunAsync("limits set --scope tenant --daily-quota 50000");
        var customer = await RunArgsAsync("limits", "set", "--scope", "customer", "--name", "*", "--concurrency", "2");

        Assert.Equal((0, 0, 0, 0), (agent.ExitCode, tool.ExitCode, tenant.ExitCode, customer.ExitCode));
        Assert.Equal("set agent triage: 2 rps (burst 5), 3 concurrent, 1000 per day", agent.Output.Trim());
        var table = await RunAsync("limits list");
        Assert.Contains("zendesk/create_ticket", table.Output, StringComparison.Ordinal);
        Assert.Contains("USED TODAY", table.Output, StringComparison.Ordinal);
        var json = JsonNode.Parse((await RunAsync("limits list --output json")).Output)!.AsArray();
        Assert.Equal(["tenant *", "agent triage", "customer *", "tool zendesk/create_ticket"], json.Select(l => $"{l!["scope"]} {l["name"]}"));
        Assert.Equal(5, json[1]!["burst"]!.GetValue<int>());
    }

    [Fact]
    public async Task LimitsSet_BadInput_ExitsNonZeroSayingWhy_AndStoresNothing()
    {
        var noLimit = await RunAsync("limits set --scope agent --name triage");
        var badScope = await RunAsync("limits set --scope planet --name x --rps 1");
        var noName = await RunAsync("limits set --scope agent --rps 1");
        var burstOnly = await RunAsync("limits set --scope agent --name triage --burst 3 --concurrency 1");

        Assert.Equal((1, 1, 1, 1), (noLimit.ExitCode, badScope.ExitCode, noName.ExitCode, burstOnly.ExitCode));
        Assert.Contains("at least one of", noLimit.Error, StringComparison.Ordinal);
        Assert.Contains("unknown limit scope `planet`", badScope.Error, StringComparison.Ordinal);
        Assert.Contains("--name is required", noName.Error, StringComparison.Ordinal);
        Assert.Contains("`burst` needs `rps`", burstOnly.Error, StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse((await RunAsync("limits list --output json")).Output)!.AsArray());
    }

    [Fact]
    public async Task LimitsRemove_Existing_ThenListIsEmpty()
    {
        await RunAsync("limits set --scope tool --name zendesk --concurrency 4");

        var removed = await RunAsync("limits remove --scope tool --name zendesk");
        var again = await RunAsync("limits remove --scope tool --name zendesk");

        Assert.Equal((0, 1), (removed.ExitCode, again.ExitCode));
        Assert.Contains("no limit is set on tool `zendesk`", again.Error, StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse((await RunAsync("limits list --output json")).Output)!.AsArray());
    }
}
