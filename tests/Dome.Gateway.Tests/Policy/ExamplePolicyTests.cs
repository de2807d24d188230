using Dome.Gateway.Policy;

namespace Dome.Gateway.Tests.Policy;

/// <summary>The example policies of <c>policies/examples</c>, each on real requests.</summary>
public sealed class ExamplePolicyTests
{
    [Theory]
    [InlineData("""{"amount": 10001}""", "Deny")]
    [InlineData("""{"amount": 10001.0}""", "Deny")]
    [InlineData("""{"amount": 10000}""", "Allow")]
    [InlineData("""{"subject": "no amount"}""", "Allow")]
    public void LargeAmount_Amount_ForbiddenAbove10000(string args, string expectedName)
    {
        var expected = Enum.Parse<PolicyOutcome>(expectedName);
        var set = Calls.Compile(("examples/large-amount.cedar", Calls.Example("large-amount.cedar")));

        var decision = Calls.Decide(set, Calls.Call("stripe/create_charge", args));

        Assert.Equal(expected, decision.Outcome);
        if (expected == PolicyOutcome.Deny)
        {
            Assert.Equal(["forbid-large-amount"], decision.PolicyIds);
            Assert.Equal(PolicyDenyReasons.Forbidden, decision.DenyReason);
        }
    }

    [Fact]
    public void LargeAmount_FractionalAmount_DeniedAsEvaluationError()
    {
        var set = Calls.Compile(("examples/large-amount.cedar", Calls.Example("large-amount.cedar")));

        // The schema types `amount` as Long: a decimal cannot be compared with it, so the policy fails and the call is denied.
        var decision = Calls.Decide(set, Calls.Call("stripe/create_charge", """{"amount": 12.5}"""));

        Assert.Equal(PolicyOutcome.Deny, decision.Outcome);
        Assert.Equal(["forbid-large-amount"], decision.ErroredPolicyIds);
    }

    [Fact]
    public void LargeAmount_AmountOfWrongType_DeniedAsEvaluationError()
    {
        var set = Calls.Compile(("examples/large-amount.cedar", Calls.Example("large-amount.cedar")));

        var decision = Calls.Decide(set, Calls.Call("stripe/create_charge", """{"amount": "99999"}"""));

        Assert.Equal(PolicyOutcome.Deny, decision.Outcome);
        Assert.Equal(PolicyDenyReasons.EvaluationError, decision.DenyReason);
        Assert.Equal(["forbid-large-amount"], decision.ErroredPolicyIds);
    }

    [Fact]
    public void RefundApproval_LargeRefundWithoutApproval_Escalates()
    {
        var set = Calls.Compile(("examples/refund-approval.cedar", Calls.Example("refund-approval.cedar")));

        var decision = Calls.Decide(set, Calls.Call("stripe/create_refund", """{"amount": 900}"""));

        Assert.Equal(PolicyOutcome.Escalate, decision.Outcome);
        Assert.Equal(["escalate-large-refund"], decision.PolicyIds);
        Assert.Equal("refund above 500 needs approval", decision.EscalationReason);
    }

    [Fact]
    public void RefundApproval_LargeRefundWithApproval_Allowed()
    {
        var set = Calls.Compile(("examples/refund-approval.cedar", Calls.Example("refund-approval.cedar")));
        var grant = new ApprovalGrant { Id = "apr_x", By = "admin", Reason = "ok" };

        var decision = Calls.Decide(set, Calls.Call("stripe/create_refund", """{"amount": 900}"""), grant);

        Assert.Equal(PolicyOutcome.Allow, decision.Outcome);
    }

    [Fact]
    public void RefundApproval_AlsoForbiddenByAnotherPolicy_DeniedNotEscalated()
    {
        var set = Calls.Compile(
            ("examples/refund-approval.cedar", Calls.Example("refund-approval.cedar")),
            ("examples/large-amount.cedar", Calls.Example("large-amount.cedar")));

        var decision = Calls.Decide(set, Calls.Call("stripe/create_refund", """{"amount": 20000}"""));

        Assert.Equal(PolicyOutcome.Deny, decision.Outcome);
        Assert.Contains("forbid-large-amount", decision.PolicyIds);
    }

    [Fact]
    public void RefundApproval_NoPermitWithoutTheEscalation_DeniedNotEscalated()
    {
        var set = Calls.Compile(("examples/refund-approval.cedar", Calls.Example("refund-approval.cedar")));

        // A restricted agent may not call a medium-risk tool at all: approving would not help, so no escalation.
        var decision = Calls.Decide(set, Calls.Call("stripe/create_refund", """{"amount": 900}""", tier: Core.Registry.AgentTier.Restricted));

        Assert.Equal(PolicyOutcome.Deny, decision.Outcome);
        Assert.Equal(["escalate-large-refund"], decision.PolicyIds);
    }

    [Fact]
    public void RedactSupport_SupportAgentReadsCustomer_AllowedWithRedactions()
    {
        var set = Calls.Compile(("examples/redact-support.cedar", Calls.Example("redact-support.cedar")));

        var decision = Calls.Decide(set, Calls.Call("crm/get_customer", """{"id": "c1"}""", workspace: "support"));

        Assert.Equal(PolicyOutcome.Allow, decision.Outcome);
        Assert.Contains("support-reads-customers-redacted", decision.PolicyIds);
        Assert.Equal(["$.customer.ssn", "$.customer.cards[*].number"], decision.Redactions);
    }

    [Fact]
    public void RedactSupport_OtherWorkspace_AllowedWithoutRedactions()
    {
        var set = Calls.Compile(("examples/redact-support.cedar", Calls.Example("redact-support.cedar")));

        var decision = Calls.Decide(set, Calls.Call("crm/get_customer", """{"id": "c1"}""", workspace: "sales"));

        Assert.Equal(PolicyOutcome.Allow, decision.Outcome);
        Assert.Equal(["tier-standard"], decision.PolicyIds);
        Assert.Empty(decision.Redactions);
    }
}
