using Dome.Cedar;
using Dome.Cedar.Evaluation;
using Dome.Core.Registry;
using Dome.Gateway.Policy;

namespace Dome.Gateway.Tests.Policy;

/// <summary>
/// The agent's and tool's entities are reused across calls (<see cref="CedarEntityCache"/>), yet every call sees the
/// current agent record and catalog facts: a changed record or tool decides as a fresh one would.
/// </summary>
public sealed class CedarEntityCacheTests
{
    private static readonly CompiledPolicySet Tiers = PolicyCompiler.Compile(PolicyBundle.Default);

    [Fact]
    public void Build_AgentRecordChanged_DecidesOnTheNewRecord()
    {
        var call = Calls.Call(tool: "cache/agent_change", risk: "medium");
        Assert.Equal(PolicyOutcome.Allow, Calls.Decide(Tiers, call).Outcome);

        // :: A tier change is a new record (records never change in place); the same agent id, now restricted.
        var demoted = call with { Agent = call.Agent with { Tier = AgentTier.Restricted } };

        Assert.Equal(PolicyOutcome.Deny, Calls.Decide(Tiers, demoted).Outcome);
        Assert.Equal(PolicyOutcome.Allow, Calls.Decide(Tiers, call).Outcome);
    }

    [Fact]
    public void Build_ToolFactsChanged_DecidesOnTheNewFacts()
    {
        var call = Calls.Call(tool: "cache/risk_change", risk: "medium");
        Assert.Equal(PolicyOutcome.Allow, Calls.Decide(Tiers, call).Outcome);

        var riskier = call with { Tool = call.Tool with { Risk = "high" } };

        Assert.Equal(PolicyOutcome.Escalate, Calls.Decide(Tiers, riskier).Outcome);
        Assert.Equal(PolicyOutcome.Allow, Calls.Decide(Tiers, call).Outcome);
    }

    [Fact]
    public void Build_TagListChangedInPlace_SeesTheNewTags()
    {
        var tags = new List<string> { "read" };
        var call = Calls.Call(tool: "cache/tags_change") with { Tool = Calls.Call(tool: "cache/tags_change").Tool with { Tags = tags } };
        var writes = PolicySet.Parse("""permit (principal, action, resource) when { resource.tags.contains("write") };""");
        Assert.False(Authorizer.IsAuthorized(Build(call).Request, writes, Build(call).Entities).IsAllowed);

        tags.Add("write");

        var cedar = Build(call);
        Assert.True(Authorizer.IsAuthorized(cedar.Request, writes, cedar.Entities).IsAllowed);
    }

    [Fact]
    public void Build_SameToolInTwoTenants_EachInItsOwnTenant()
    {
        var inT2 = PolicySet.Parse("""permit (principal in Dome::Tenant::"t2", action, resource in Dome::Tenant::"t2");""");
        var first = Calls.Call(tool: "cache/two_tenants");
        var second = first with { TenantId = "t2", Agent = first.Agent with { TenantId = "t2" } };

        var one = Build(first);
        var two = Build(second);

        Assert.False(Authorizer.IsAuthorized(one.Request, inT2, one.Entities).IsAllowed);
        Assert.True(Authorizer.IsAuthorized(two.Request, inT2, two.Entities).IsAllowed);
        Assert.True(two.Entities.Contains(new EntityUid("Dome::Tenant", "t2")));
        Assert.False(two.Entities.Contains(new EntityUid("Dome::Tenant", "t1")));
    }

    [Fact]
    public void Build_UserClaimsChanged_SeesTheNewClaims()
    {
        var support = PolicySet.Parse("""permit (principal, action, resource) when { context.user.groups.contains("support") && context.user.customer == "c1" };""");
        var call = Calls.Call(tool: "cache/user_change", user: new UserFacts { Id = "cache-u1", Groups = ["support"], Customer = "c1" });
        var cedar = Build(call);
        Assert.True(Authorizer.IsAuthorized(cedar.Request, support, cedar.Entities).IsAllowed);

        var moved = Build(call with { User = call.User! with { Customer = "c2" } });
        var regrouped = Build(call with { User = call.User! with { Groups = ["sales"] } });

        Assert.False(Authorizer.IsAuthorized(moved.Request, support, moved.Entities).IsAllowed);
        Assert.False(Authorizer.IsAuthorized(regrouped.Request, support, regrouped.Entities).IsAllowed);
        Assert.Equal(6, moved.Entities.Count);
    }

    [Theory]
    [InlineData("""{"ab": 1, "a\u0062": 2}""")]
    [InlineData("""{"amount": 1, "amount": 2}""")]
    public void Build_SameNameTwiceSpelledEitherWay_Throws(string args)
    {
        Assert.Throws<PolicyInputException>(() => Build(Calls.Call(args: args)));
    }

    [Fact]
    public void Build_EscapedArgumentName_ReadsAsTheName()
    {
        // :: Twice: the second call finds the names it shares with the first among the known ones.
        for (var i = 0; i < 2; i++)
        {
            var cedar = Build(Calls.Call(args: """{"a\u0062": 1, "ab\"c": 2, "caf\u00e9": 3, "naïve": 4}"""));

            var args = (RecordValue)cedar.Request.Context.Attributes["args"];
            Assert.Equal(["ab", "ab\"c", "café", "naïve"], args.Attributes.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("1.23456", "1.2346")]
    [InlineData("-0.00005", "-0.0001")]
    [InlineData("0.00004", "0.0")]
    [InlineData("922337203685476.99995", "922337203685477.0")]
    [InlineData("12.5", "12.5")]
    public void Build_FractionalArgument_EqualsTheDecimalLiteral(string json, string literal)
    {
        var cedar = Build(Calls.Call(args: "{\"n\": " + json + "}"));

        var args = (RecordValue)cedar.Request.Context.Attributes["args"];
        var expected = Request.ParseContext("{\"v\": {\"__extn\": {\"fn\": \"decimal\", \"arg\": \"" + literal + "\"}}}").Attributes["v"];
        Assert.Equal(expected, args.Attributes["n"]);
    }

    [Fact]
    public void Build_Time_IsTheDatetimeOfTheCallToTheMillisecond()
    {
        var now = new DateTimeOffset(2026, 11, 22, 10, 0, 0, 123, TimeSpan.FromHours(2)).AddTicks(9_999);

        var cedar = CedarRequestBuilder.Build(Calls.Call(), null, now);

        var expected = Request.ParseContext("""{"v": {"__extn": {"fn": "datetime", "arg": "2026-11-22T08:00:00.123Z"}}}""").Attributes["v"];
        Assert.Equal(expected, cedar.Request.Context.Attributes["time"]);
    }

    private static CedarCall Build(ToolCallFacts call) => CedarRequestBuilder.Build(call, null, Calls.Now);
}
