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

        var reasons = response.Reasons;
        if (response.IsAllowed)
        {
            var (ids, redactions) = reasons.Count == 1 ? set.Alone(reasons[0]) : Union(set, reasons);
            return new PolicyDecision
            {
                Outcome = PolicyOutcome.Allow,
                PolicyIds = ids,
                PolicyVersion = set.Version,
                Redactions = redactions,
            };
        }

        if (reasons.Count == 0)
        {
            return Deny(set, [], PolicyDenyReasons.NoPermit);
        }

        var denied = reasons.Count == 1 ? set.Alone(reasons[0]).Ids : Ids(set, reasons);
        if (AllEscalate(set, reasons))
        {
            // :: The escalate forbids alone denied only if the set without them allows (and evaluates cleanly).
            var relaxed = Authorizer.IsAuthorized(call.Request, set.WithoutEscalations, call.Entities);
            if (relaxed.IsAllowed && relaxed.Errors.Count == 0)
            {
                return new PolicyDecision
                {
                    Outcome = PolicyOutcome.Escalate,
                    PolicyIds = denied,
                    PolicyVersion = set.Version,
                    EscalationReason = string.Join("; ", reasons.Select(r => set.Info(r).EscalateReason).Distinct(StringComparer.Ordinal)),
                };
            }
        }

        return Deny(set, denied, PolicyDenyReasons.Forbidden);
    }

    public static PolicyDecision Deny(CompiledPolicySet set, IReadOnlyList<string> ids, string reason) => new()
    {
        Outcome = PolicyOutcome.Deny,
        PolicyIds = ids,
        PolicyVersion = set.Version,
        DenyReason = reason,
    };

    private static bool AllEscalate(CompiledPolicySet set, IReadOnlyList<string> reasons)
    {
        for (int i = 0; i < reasons.Count; i++)
        {
            if (set.Info(reasons[i]).EscalateReason is null)
            {
                return false;
            }
        }

        return true;
    }

    private static string[] Ids(CompiledPolicySet set, IReadOnlyList<string> reasons)
    {
        var ids = new string[reasons.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = set.Info(reasons[i]).Id;
        }

        return ids;
    }

    /// <summary>The ids of several determining permits, and their redactions without repeats (first occurrence order).</summary>
    private static (IReadOnlyList<string> Ids, IReadOnlyList<string> Redactions) Union(CompiledPolicySet set, IReadOnlyList<string> reasons)
    {
        List<string>? redactions = null;
        for (int i = 0; i < reasons.Count; i++)
        {
            foreach (var path in set.Alone(reasons[i]).Redactions)
            {
                if (!(redactions ??= []).Contains(path, StringComparer.Ordinal))
                {
                    redactions.Add(path);
                }
            }
        }

        return (Ids(set, reasons), redactions is null ? [] : redactions.ToArray());
    }
}
