using Dome.Cedar.Evaluation;
using Dome.Gateway.Policy;

namespace Dome.Gateway.Tests.Policy;

public sealed class CedarRequestBuilderTests
{
    [Fact]
    public void Build_Arguments_ConvertedToCedarValues()
    {
        var call = Calls.Call(args: """{"amount": 5, "price": 1.25, "tags": ["a", "b"], "nested": {"ok": true}, "gone": null}""");

        var cedar = CedarRequestBuilder.Build(call, null, Calls.Now);

        var args = (RecordValue)cedar.Request.Context.Attributes["args"];
        Assert.Equal(LongValue.Of(5), args.Attributes["amount"]);
        Assert.IsAssignableFrom<ExtensionValue>(args.Attributes["price"]);
        Assert.Equal(2, ((SetValue)args.Attributes["tags"]).Count);
        Assert.False(args.Attributes.ContainsKey("gone"));
        Assert.Equal("Dome::Agent", cedar.Request.Principal.Type);
        Assert.Equal("zendesk/create_ticket", cedar.Request.Resource.Id);
        Assert.True(cedar.Entities.Contains(cedar.Request.Resource));
    }

    [Fact]
    public void Build_DuplicateArgumentKey_Throws()
    {
        var call = Calls.Call(args: """{"amount": 5, "amount": 50000}""");

        Assert.Throws<PolicyInputException>(() => CedarRequestBuilder.Build(call, null, Calls.Now));
    }

    [Fact]
    public void Build_UserAndApproval_InContext()
    {
        var user = new UserFacts { Id = "u1", Email = "u@example.com", Groups = ["support"] };
        var call = Calls.Call(user: user);

        var cedar = CedarRequestBuilder.Build(call, new ApprovalGrant { Id = "apr_1", By = "admin", Reason = "r" }, Calls.Now);

        Assert.True(cedar.Request.Context.Attributes.ContainsKey("approval"));
        Assert.Equal("Dome::User", ((EntityValue)cedar.Request.Context.Attributes["user"]).Uid.Type);
        Assert.True(cedar.Entities.Contains(new Dome.Cedar.EntityUid("Dome::User", "u1")));
    }

    [Fact]
    public void Evaluate_PolicyOnUserGroupAndTime_SeesThem()
    {
        var set = Calls.Compile(("u.cedar", """
            @id("support-only-in-2026")
            forbid (principal, action == Dome::Action::"call", resource)
            unless { context has user && context.user.groups.contains("support") && context.time < datetime("2027-01-01") };
            """));

        var withUser = Calls.Call(user: new UserFacts { Id = "u1", Groups = ["support"] });

        Assert.Equal(PolicyOutcome.Allow, Calls.Decide(set, withUser).Outcome);
        Assert.Equal(PolicyOutcome.Deny, Calls.Decide(set, Calls.Call()).Outcome);
    }
}
