using Dome.Core.Audit;

namespace Dome.Functions.Tests.Gateway;

/// <summary>Malformed calls get a clear 4xx, are audited, and never reach the upstream.</summary>
public sealed class GatewayBadInputTests : GatewayTestBase
{
    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"tool":"zendesk/create_ticket"}""")]
    [InlineData("""{"tool":"zendesk/create_ticket","arguments":"subject=x"}""")]
    [InlineData("""{"tool":"zendesk/create_ticket","arguments":{},"extra":1}""")]
    [InlineData("""{"tool":"zendesk/create_ticket","arguments":{"subject":"x"}""")]
    public async Task Call_MalformedBody_Is400AuditedAndNotForwarded(string raw)
    {
        var (status, body, _) = await CallAsync(raw);

        Assert.Equal(400, status);
        Assert.Equal("invalid_request", Api.Str(body, "code"));
        Assert.Equal("deny", Api.Str(body, "decision"));
        Assert.Empty(Upstream.Requests);
        var audited = await AuditOfAsync(Api.Str(body, "callId"));
        Assert.Equal("invalid_request", audited.Reason);
    }

    [Fact]
    public async Task Call_UnknownTool_Is404AuditedAndNotForwarded()
    {
        var (status, body, _) = await CallAsync(new { tool = "zendesk/delete_everything", arguments = new { } });

        Assert.Equal(404, status);
        Assert.Equal("unknown_tool", Api.Str(body, "code"));
        Assert.Empty(Upstream.Requests);
        Assert.Equal("unknown_tool", (await AuditOfAsync(Api.Str(body, "callId"))).Reason);
    }

    [Theory]
    [InlineData("""{"subject":42}""")]
    [InlineData("""{"priority":"low"}""")]
    [InlineData("""{"subject":"x","priority":"urgent"}""")]
    [InlineData("""{"subject":"x","unexpected":true}""")]
    public async Task Call_ArgumentsBreakingTheSchema_Is400WithViolationsAndNotForwarded(string arguments)
    {
        var (status, body, _) = await CallAsync($$"""{"tool":"zendesk/create_ticket","arguments":{{arguments}}}""");

        Assert.Equal(400, status);
        Assert.Equal("invalid_arguments", Api.Str(body, "code"));
        Assert.NotEmpty(body!["violations"]!.AsArray());
        Assert.Empty(Upstream.Requests);
        Assert.Equal("invalid_arguments", (await AuditOfAsync(Api.Str(body, "callId"))).Reason);
    }

    [Fact]
    public async Task Call_TenMegabytesOfArguments_Is413AuditedAndNotForwarded()
    {
        var huge = new string('x', 10 * 1024 * 1024);

        var (status, body, _) = await CallAsync(new { tool = "zendesk/create_ticket", arguments = new { subject = huge } });

        Assert.Equal(413, status);
        Assert.Equal("payload_too_large", Api.Str(body, "code"));
        Assert.Empty(Upstream.Requests);
        Assert.Equal("payload_too_large", (await AuditOfAsync(Api.Str(body, "callId"))).Reason);
    }

    [Theory]
    [InlineData("appr_doesnotexist")]
    [InlineData("'; DROP TABLE approvals; --")]
    public async Task Call_InvalidApprovalId_Is400AuditedAndNotForwarded(string approvalId)
    {
        var (status, body, _) = await CallAsync(Ticket(approvalId: approvalId));

        Assert.Equal(400, status);
        Assert.Equal("invalid_approval", Api.Str(body, "code"));
        Assert.Empty(Upstream.Requests);
        var audited = await AuditOfAsync(Api.Str(body, "callId"));
        Assert.Equal(AuditDecisions.Deny, audited.Decision);
        Assert.Equal("invalid_approval", audited.Reason);
    }
}
