using Dome.Cedar;

namespace Dome.Gateway.Policy;

/// <summary>
/// Cedar's decision, read the Dome way: any policy that fails to evaluate denies (fail closed); a deny whose
/// forbids all carry <c>@escalate</c>, and that the rest of the set would allow, escalates; an allow carries the
/// <c>@redact</c> paths of its determining permits.
/// </summary>
internal static class PolicyEvaluator
{
    public static PolicyDecision Evaluate(CompiledPolicySet set, CedarCall call)
    {
        var response = Authorizer.IsAuthorized(call.Request, set.Policies, call.Entities);
        if (response.Errors.Count > 0)
        {
            return new PolicyDecision
            {
                Outcome = PolicyOutcome.Deny,
                PolicyIds = [],
                PolicyVersion = set.Version,
                ErroredPolicyIds = response.Errors.Select(e => set.Info(e.PolicyId).Id).Distinct().ToArray(),
                DenyReason = PolicyDenyReasons.EvaluationError,
            };
        }

        var infos = response.Reasons.Select(set.Info).ToArray();
        var ids = infos.Select(i => i.Id).ToArray();
        if (response.IsAllowed)
        {
            return new PolicyDecision
            {
                Outcome = PolicyOutcome.Allow,
                PolicyIds = ids,
                PolicyVersion = set.Version,
                Redactions = infos.SelectMany(i => i.Redactions).Distinct(StringComparer.Ordinal).ToArray(),
            };
        }

        if (infos.Length == 0)
        {
            return Deny(set, ids, PolicyDenyReasons.NoPermit);
        }

        if (infos.All(i => i.EscalateReason is not null))
        {
            // :: The escalate forbids alone denied only if the set without them allows (and evaluates cleanly).
            var relaxed = Authorizer.IsAuthorized(call.Request, set.WithoutEscalations, call.Entities);
            if (relaxed.IsAllowed && relaxed.Errors.Count == 0)
            {
                return new PolicyDecision
                {
                    Outcome = PolicyOutcome.Escalate,
                    PolicyIds = ids,
                    PolicyVersion = set.Version,
                    EscalationReason = string.Join("; ", infos.Select(i => i.EscalateReason).Distinct(StringComparer.Ordinal)),
                };
            }
        }

        return Deny(set, ids, PolicyDenyReasons.Forbidden);
    }

    public static PolicyDecision Deny(CompiledPolicySet set, IReadOnlyList<string> ids, string reason) => new()
    {
        Outcome = PolicyOutcome.Deny,
        PolicyIds = ids,
        PolicyVersion = set.Version,
        DenyReason = reason,
    };
}
