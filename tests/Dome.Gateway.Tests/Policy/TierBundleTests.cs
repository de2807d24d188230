using Dome.Core.Registry;
using Dome.Gateway.Policy;

namespace Dome.Gateway.Tests.Policy;

/// <summary>The tier bundles evaluated on real requests (no tenant policies: the default live set).</summary>
public sealed class TierBundleTests
{
    private static readonly CompiledPolicySet Set = PolicyCompiler.Compile(PolicyBundle.Default);

    [Theory]
    [InlineData(AgentTier.Restricted, "low", "Allow")]
    [InlineData(AgentTier.Restricted, "medium", "Deny")]
    [InlineData(AgentTier.Restricted, "high", "Deny")]
    [InlineData(AgentTier.Standard, "low", "Allow")]
    [InlineData(AgentTier.Standard, "medium", "Allow")]
    [InlineData(AgentTier.Standard, "high", "Escalate")]
    [InlineData(AgentTier.Privileged, "high", "Allow")]
    public void Evaluate_TierAndRisk_GivesTierDefault(AgentTier tier, string risk, string expectedName)
    {
        var expected = Enum.Parse<PolicyOutcome>(expectedName);
        var decision = Calls.Decide(Set, Calls.Call(tier: tier, risk: risk));

        Assert.Equal(expected, decision.Outcome);
    }

    [Fact]
    public void Evaluate_RestrictedOnBehalfOfAnotherAgent_Denied()
    {
        var call = Calls.Call(tier: AgentTier.Restricted, risk: "low") with { Chain = ["agt_parent"] };

        var decision = Calls.Decide(Set, call);

        Assert.Equal(PolicyOutcome.Deny, decision.Outcome);
        Assert.Equal(PolicyDenyReasons.NoPermit, decision.DenyReason);
    }

    [Fact]
    public void Evaluate_StandardHighRiskWithApproval_AllowedNamingTierPermit()
    {
        var grant = new ApprovalGrant { Id = "apr_x", By = "admin", Reason = "ok" };

        var decision = Calls.Decide(Set, Calls.Call(risk: "high"), grant);

        Assert.Equal(PolicyOutcome.Allow, decision.Outcome);
        Assert.Equal(["tier-standard"], decision.PolicyIds);
    }

    [Fact]
    public void Evaluate_StandardHighRisk_EscalatesWithReasonAndPolicyId()
    {
        var decision = Calls.Decide(Set, Calls.Call(risk: "high"));

        Assert.Equal(PolicyOutcome.Escalate, decision.Outcome);
        Assert.Equal(["tier-standard-high-risk-approval"], decision.PolicyIds);
        Assert.Equal("high-risk tool for a standard-tier agent", decision.EscalationReason);
        Assert.Equal(Set.Version, decision.PolicyVersion);
    }
}
