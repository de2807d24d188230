using System.Buffers;
using Dome.Cedar.Evaluation;

namespace Dome.Cedar;

/// <summary>
/// Cedar authorization: a forbid policy that applies denies; otherwise a permit policy that applies allows; otherwise deny.
/// A policy whose evaluation fails is skipped and reported in <see cref="AuthorizationResponse.Errors"/>.
/// </summary>
public static class Authorizer
{
    private static readonly string[] NoReasons = [];
    private static readonly PolicyError[] NoErrors = [];

    /// <summary>Decides <paramref name="request"/> against <paramref name="policies"/> and <paramref name="entities"/>.</summary>
    public static AuthorizationResponse IsAuthorized(Request request, PolicySet policies, EntityStore entities)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(entities);

        var list = policies.Policies;
        int words = (list.Count + 63) >> 6;
        ulong[]? rented = null;
        Span<ulong> candidates = words <= 256 ? stackalloc ulong[words] : (rented = ArrayPool<ulong>.Shared.Rent(words)).AsSpan(0, words);
        candidates.Clear();
        try
        {
            policies.Index.Collect(request, entities, candidates);
            return Decide(request, entities, list, candidates);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    private static AuthorizationResponse Decide(Request request, EntityStore entities, IReadOnlyList<Policy> list, ReadOnlySpan<ulong> candidates)
    {
        var principalAncestors = entities.AncestorsOf(request.Principal);
        var actionAncestors = entities.AncestorsOf(request.Action);
        var resourceAncestors = entities.AncestorsOf(request.Resource);
        Evaluator? evaluator = null;
        string? firstPermit = null, firstForbid = null;
        List<string>? permits = null, forbids = null;
        List<PolicyError>? errors = null;

        for (int w = 0; w < candidates.Length; w++)
        {
            ulong bits = candidates[w];
            while (bits != 0)
            {
                int i = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var policy = list[i];
                if (!policy.Principal.Matches(request.Principal, principalAncestors)
                    || !policy.Action.Matches(request.Action, actionAncestors)
                    || !policy.Resource.Matches(request.Resource, resourceAncestors))
                {
                    continue;
                }

                bool satisfied = true;
                if (policy.Conditions.Length > 0)
                {
                    evaluator ??= new Evaluator(request, entities);
                    try
                    {
                        foreach (var condition in policy.Conditions)
                        {
                            if (evaluator.EvaluateBool(condition.Body) == condition.IsUnless)
                            {
                                satisfied = false;
                                break;
                            }
                        }
                    }
                    catch (EvaluationException e)
                    {
                        (errors ??= []).Add(new PolicyError(policy.Id, e.Message));
                        continue;
                    }
                }

                if (satisfied)
                {
                    if (policy.Effect == Effect.Forbid)
                    {
                        Add(ref firstForbid, ref forbids, policy.Id);
                    }
                    else
                    {
                        Add(ref firstPermit, ref permits, policy.Id);
                    }
                }
            }
        }

        IReadOnlyList<PolicyError> errorList = errors ?? (IReadOnlyList<PolicyError>)NoErrors;
        if (firstForbid is not null)
        {
            return new AuthorizationResponse(Decision.Deny, forbids ?? (IReadOnlyList<string>)[firstForbid], errorList);
        }

        return firstPermit is not null
            ? new AuthorizationResponse(Decision.Allow, permits ?? (IReadOnlyList<string>)[firstPermit], errorList)
            : new AuthorizationResponse(Decision.Deny, NoReasons, errorList);
    }

    /// <summary>Collects policy ids in order; one id (the usual case) needs no list.</summary>
    private static void Add(ref string? first, ref List<string>? all, string id)
    {
        if (first is null)
        {
            first = id;
        }
        else
        {
            (all ??= [first]).Add(id);
        }
    }
}
