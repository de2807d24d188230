using System.Diagnostics;

namespace Dome.Functions.Tests.Identity;

/// <summary>
/// A suspended agent's existing tokens stop working within one second, and it is the lifecycle event that does it:
/// the validator's agent cache is set to a minute here, so only the lifecycle observer can refuse the token in time.
/// </summary>
public sealed class SuspensionTests : ServerTestBase
{
    protected override IReadOnlyDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Dome:Tokens:AgentStatusCacheTtl"] = "00:01:00",
        ["Dome:Dispatcher:PollInterval"] = "00:00:00.100",
    };

    [Fact]
    public async Task Suspend_ExistingTokenAnswers401WithinOneSecond()
    {
        var apiKey = await Tokens.ActiveAgentAsync(Server, "triage");
        var token = await Tokens.TokenAsync(Server, Tokens.AgentAlone(apiKey));
        await WaitForQuietAsync();
        Assert.Equal(200, (await Tokens.WhoAmIAsync(Server, token)).Status);
        using var admin = Server.Client(Server.AdminKey);

        var clock = Stopwatch.StartNew();
        var (suspended, _) = await Api.PostAsync(admin, "/v1/admin/agents/triage/suspend");
        int status;
        do
        {
            status = (await Tokens.WhoAmIAsync(Server, token)).Status;
        }
        while (status == 200 && clock.Elapsed < TimeSpan.FromSeconds(1));
        var elapsed = clock.Elapsed;

        Assert.Equal(200, suspended);
        Assert.True(status == 401, $"the token still worked {elapsed.TotalMilliseconds:F0} ms after the suspend call");
        TestContext.Current.TestOutputHelper?.WriteLine($"suspended token refused after {elapsed.TotalMilliseconds:F0} ms");
        TestContext.Current.SendDiagnosticMessage($"suspension-to-401: {elapsed.TotalMilliseconds:F0} ms");
    }
}
