using System.Text.Json.Nodes;

namespace Dome.Functions.Tests.Identity;

/// <summary>On-behalf-of: each hop nests `act`, keeps the original subject, and is allowed only by the registry.</summary>
public sealed class ChainTests : ServerTestBase
{
    [Fact]
    public async Task Exchange_UserThenThreeAgents_NestsActAndPreservesTheUser()
    {
        await using var idp = await TestIdentityProvider.StartAsync();
        await Tokens.TrustAsync(Server, idp);
        var a = await Tokens.ActiveAgentAsync(Server, "agent-a", requireActAs: "oidc");
        var b = await Tokens.ActiveAgentAsync(Server, "agent-b", "none", "agent-a");
        var c = await Tokens.ActiveAgentAsync(Server, "agent-c", "oidc", "agent-b");

        var tokenA = await Tokens.TokenAsync(Server, Tokens.ActAs(idp.IdToken("alice"), a));
        var tokenB = await Tokens.TokenAsync(Server, Tokens.OnBehalfOf(tokenA, b));
        var tokenC = await Tokens.TokenAsync(Server, Tokens.OnBehalfOf(tokenB, c));

        var claims = Tokens.Payload(tokenC);
        Assert.Equal(idp.Issuer + "#alice", Api.Str(claims, "sub"));
        Assert.Equal("alice", Api.Str(claims["user"], "sub"));
        Assert.Equal(["agent-c", "agent-b", "agent-a"], Actors(claims));
        Assert.Equal(("agent-c", Api.Str(claims["act"], "sub")), (Api.Str(claims, "agent_name"), Api.Str(claims, "client_id")));
        Assert.True(claims["exp"]!.GetValue<long>() <= Tokens.Payload(tokenA)["exp"]!.GetValue<long>());
        var (status, principal, _) = await Tokens.WhoAmIAsync(Server, tokenC);
        Assert.Equal((200, "user", "agent-c"), (status, Api.Str(principal, "subjectType"), Api.Str(principal!["agent"], "name")));
        Assert.Equal(["agent-a", "agent-b", "agent-c"], principal["chain"]!.AsArray().Select(x => Api.Str(x, "name")));
    }

    [Fact]
    public async Task Exchange_AgentAloneThenAnother_SubjectStaysTheFirstAgent()
    {
        var a = await Tokens.ActiveAgentAsync(Server, "agent-a");
        var b = await Tokens.ActiveAgentAsync(Server, "agent-b", "none", "agent-a");
        var tokenA = await Tokens.TokenAsync(Server, Tokens.AgentAlone(a));

        var tokenB = await Tokens.TokenAsync(Server, Tokens.OnBehalfOf(tokenA, b));

        var claims = Tokens.Payload(tokenB);
        Assert.Equal(Api.Str(Tokens.Payload(tokenA), "sub"), Api.Str(claims, "sub"));
        Assert.Equal(["agent-b"], Actors(claims));
        var (_, principal, _) = await Tokens.WhoAmIAsync(Server, tokenB);
        Assert.Equal("agent", Api.Str(principal, "subjectType"));
        Assert.Equal(["agent-a", "agent-b"], principal!["chain"]!.AsArray().Select(x => Api.Str(x, "name")));
    }

    [Fact]
    public async Task Exchange_ParentNotAllowed_IsInvalidGrant()
    {
        var a = await Tokens.ActiveAgentAsync(Server, "agent-a");
        var b = await Tokens.ActiveAgentAsync(Server, "agent-b", "none", "someone-else");
        var c = await Tokens.ActiveAgentAsync(Server, "agent-c");
        var tokenA = await Tokens.TokenAsync(Server, Tokens.AgentAlone(a));

        var (status, body) = await Tokens.ExchangeAsync(Server, Tokens.OnBehalfOf(tokenA, b));
        var (noneStatus, noneBody) = await Tokens.ExchangeAsync(Server, Tokens.OnBehalfOf(tokenA, c));

        Assert.Equal((400, "invalid_grant"), (status, Api.Str(body, "error")));
        Assert.Contains("agent-a", Api.Str(body, "error_description"), StringComparison.Ordinal);
        Assert.Equal((400, "invalid_grant"), (noneStatus, Api.Str(noneBody, "error")));
    }

    [Fact]
    public async Task ChainWithSuspendedMiddleAgent_IsRefusedAtWhoAmIAndAtExchange()
    {
        var a = await Tokens.ActiveAgentAsync(Server, "agent-a");
        var b = await Tokens.ActiveAgentAsync(Server, "agent-b", "none", "agent-a");
        var c = await Tokens.ActiveAgentAsync(Server, "agent-c", "none", "agent-b");
        var tokenB = await Tokens.TokenAsync(Server, Tokens.OnBehalfOf(await Tokens.TokenAsync(Server, Tokens.AgentAlone(a)), b));
        var tokenC = await Tokens.TokenAsync(Server, Tokens.OnBehalfOf(tokenB, c));
        Assert.Equal(200, (await Tokens.WhoAmIAsync(Server, tokenC)).Status);

        await Api.PostAsync(Server.Client(Server.AdminKey), "/v1/admin/agents/agent-b/suspend");
        await WaitForQuietAsync();

        var (status, problem, challenge) = await Tokens.WhoAmIAsync(Server, tokenC);
        Assert.Equal((401, "unauthenticated"), (status, Api.Str(problem, "code")));
        Assert.Contains("agent-b", Api.Str(problem, "detail"), StringComparison.Ordinal);
        Assert.Contains("invalid_token", challenge, StringComparison.Ordinal);
        var (exchangeStatus, error) = await Tokens.ExchangeAsync(Server, Tokens.OnBehalfOf(tokenB, c));
        Assert.Equal((400, "invalid_grant"), (exchangeStatus, Api.Str(error, "error")));
    }

    [Fact]
    public async Task Exchange_CallerTokenForged_IsInvalidGrant()
    {
        var a = await Tokens.ActiveAgentAsync(Server, "agent-a");
        var b = await Tokens.ActiveAgentAsync(Server, "agent-b", "none", "agent-a");
        var tokenA = await Tokens.TokenAsync(Server, Tokens.AgentAlone(a));
        var parts = tokenA.Split('.');
        var payload = Tokens.Payload(tokenA);
        payload["exp"] = payload["exp"]!.GetValue<long>() + 3600;

        var (status, body) = await Tokens.ExchangeAsync(Server, Tokens.OnBehalfOf(parts[0] + "." + Tokens.B64(payload) + "." + parts[2], b));

        Assert.Equal((400, "invalid_grant"), (status, Api.Str(body, "error")));
    }

    private static List<string> Actors(JsonObject claims)
    {
        var names = new List<string>();
        for (var act = claims["act"]; act is not null; act = act["act"])
        {
            names.Add(Api.Str(act, "agent_name"));
        }

        return names;
    }
}
