using Dome.Core.Approvals;
using Dome.Core.Policy;
using Dome.Gateway.Escalation;

namespace Dome.Gateway.Policy;

/// <summary>
/// Step 6. Matches a retry's approval, builds the Cedar call, evaluates it against the live set and, for an
/// escalation, either asks the judge (when the tenant configured one) or opens an approval request.
/// </summary>
internal sealed class PolicyDecisionPoint(
    IPolicySetProvider provider,
    IApprovalService approvals,
    IApprovalStore approvalStore,
    IPolicyStore policyStore,
    IEscalationJudge judge,
    TimeProvider time) : IPolicyDecisionPoint
{
    public const string ApprovalMismatch = "approval_mismatch";
    public const string ApprovalDenied = "approval_denied";
    public const string ApprovalUsed = "approval_used";
    public static readonly TimeSpan DefaultJudgeTimeout = TimeSpan.FromSeconds(2);

    public async ValueTask<PolicyDecision> DecideAsync(ToolCallFacts call, CancellationToken cancellationToken)
    {
        var set = await provider.GetAsync(call.TenantId, cancellationToken).ConfigureAwait(false);
        ApprovalMatch? match = null;
        if (call.ApprovalId is { } approvalId)
        {
            match = await approvals.MatchAsync(call, approvalId, cancellationToken).ConfigureAwait(false);
            switch (match.Kind)
            {
                case ApprovalMatchKind.Mismatch:
                    return PolicyEvaluator.Deny(set, match.Approval.PolicyIds, ApprovalMismatch) with { ApprovalId = approvalId };
                case ApprovalMatchKind.Denied:
                    return PolicyEvaluator.Deny(set, match.Approval.PolicyIds, ApprovalDenied) with { ApprovalId = approvalId };
                case ApprovalMatchKind.Used:
                    return PolicyEvaluator.Deny(set, match.Approval.PolicyIds, ApprovalUsed) with { ApprovalId = approvalId };
            }
        }

        var decision = Evaluate(set, call, match?.Grant);
        if (decision.Outcome == PolicyOutcome.Allow && match?.Grant is { } grant)
        {
            // :: An approval lets exactly one call through; a concurrent retry that loses the race is denied.
            return await approvalStore.ConsumeAsync(call.TenantId, grant.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
                ? decision with { ApprovalId = grant.Id }
                : PolicyEvaluator.Deny(set, decision.PolicyIds, ApprovalUsed) with { ApprovalId = grant.Id };
        }

        if (decision.Outcome != PolicyOutcome.Escalate)
        {
            return decision;
        }

        if (match is { Kind: ApprovalMatchKind.Pending })
        {
            return decision with { ApprovalId = match.Approval.Id };
        }

        var approval = await approvals.RequestAsync(call, decision, cancellationToken).ConfigureAwait(false);
        var settings = await policyStore.GetSettingsAsync(call.TenantId, cancellationToken).ConfigureAwait(false);
        if (settings.JudgeUrl is null)
        {
            return decision with { ApprovalId = approval.Id };
        }

        return await JudgeAsync(set, call, decision, approval, settings, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PolicyDecision> JudgeAsync(CompiledPolicySet set, ToolCallFacts call, PolicyDecision decision, Approval approval, PolicySettings settings, CancellationToken cancellationToken)
    {
        var timeout = settings.JudgeTimeoutMs is { } ms ? TimeSpan.FromMilliseconds(ms) : DefaultJudgeTimeout;
        var verdict = await judge.AskAsync(new Uri(settings.JudgeUrl!), timeout, call, approval, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        switch (verdict)
        {
            case JudgeVerdict.Approve:
                await approvalStore.DecideAsync(call.TenantId, approval.Id, ApprovalStatus.Approved, "judge", null, now, cancellationToken).ConfigureAwait(false);
                var grant = new ApprovalGrant { Id = approval.Id, By = "judge", Reason = approval.Reason };
                var granted = Evaluate(set, call, grant);
                if (granted.Outcome == PolicyOutcome.Allow && await approvalStore.ConsumeAsync(call.TenantId, approval.Id, now, cancellationToken).ConfigureAwait(false))
                {
                    return granted with { ApprovalId = approval.Id };
                }

                // :: The policies still hold the call with the approval in context (their `unless` ignores it): deny.
                return granted.Outcome == PolicyOutcome.Deny ? granted with { ApprovalId = approval.Id }
                    : PolicyEvaluator.Deny(set, decision.PolicyIds, PolicyDenyReasons.Forbidden) with { ApprovalId = approval.Id };
            case JudgeVerdict.Deny:
                await approvalStore.DecideAsync(call.TenantId, approval.Id, ApprovalStatus.Denied, "judge", null, now, cancellationToken).ConfigureAwait(false);
                return PolicyEvaluator.Deny(set, decision.PolicyIds, PolicyDenyReasons.JudgeDenied) with { ApprovalId = approval.Id };
            default:
                await approvalStore.DecideAsync(call.TenantId, approval.Id, ApprovalStatus.Denied, "judge", "no answer in time", now, cancellationToken).ConfigureAwait(false);
                return PolicyEvaluator.Deny(set, decision.PolicyIds, PolicyDenyReasons.JudgeUnavailable) with { ApprovalId = approval.Id };
        }
    }

    private PolicyDecision Evaluate(CompiledPolicySet set, ToolCallFacts call, ApprovalGrant? grant)
    {
        CedarCall cedar;
        try
        {
            cedar = CedarRequestBuilder.Build(call, grant, time.GetUtcNow());
        }
        catch (PolicyInputException)
        {
            return PolicyEvaluator.Deny(set, [], PolicyDenyReasons.EvaluationError);
        }

        return PolicyEvaluator.Evaluate(set, cedar);
    }
}
