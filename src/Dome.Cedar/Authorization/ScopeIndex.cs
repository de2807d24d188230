using Dome.Cedar.Syntax;

namespace Dome.Cedar.Authorization;

/// <summary>
/// Finds the policies a request can possibly match without looking at the others. Each policy is filed under one scope
/// entity (principal's, else resource's, else action's); a request looks up its own uids and their ancestors, since
/// `==` matches the uid and `in` matches the uid or a descendant. Policies with no scope entity are always candidates.
/// </summary>
internal sealed class ScopeIndex
{
    private readonly Dictionary<EntityUid, int[]> principals;
    private readonly Dictionary<EntityUid, int[]> actions;
    private readonly Dictionary<EntityUid, int[]> resources;
    private readonly int[] always;

    public ScopeIndex(IReadOnlyList<Policy> policies)
    {
        var p = new Dictionary<EntityUid, List<int>>();
        var a = new Dictionary<EntityUid, List<int>>();
        var r = new Dictionary<EntityUid, List<int>>();
        var rest = new List<int>();
        for (int i = 0; i < policies.Count; i++)
        {
            var policy = policies[i];
            if (policy.Principal.Entity is { } principal)
            {
                Add(p, principal, i);
            }
            else if (policy.Resource.Entity is { } resource)
            {
                Add(r, resource, i);
            }
            else if (policy.Action.Entity is { } action)
            {
                Add(a, action, i);
            }
            else if (policy.Action.Kind == ScopeKind.InSet)
            {
                foreach (var uid in policy.Action.Entities!.Distinct())
                {
                    Add(a, uid, i);
                }
            }
            else
            {
                rest.Add(i);
            }
        }

        principals = Freeze(p);
        actions = Freeze(a);
        resources = Freeze(r);
        always = rest.ToArray();
    }

    /// <summary>Sets the bit of every candidate policy in <paramref name="candidates"/> (one bit per policy, in order).</summary>
    public void Collect(Request request, EntityStore entities, Span<ulong> candidates)
    {
        foreach (int i in always)
        {
            candidates[i >> 6] |= 1UL << (i & 63);
        }

        Lookup(principals, request.Principal, entities, candidates);
        Lookup(actions, request.Action, entities, candidates);
        Lookup(resources, request.Resource, entities, candidates);
    }

    private static void Lookup(Dictionary<EntityUid, int[]> index, EntityUid uid, EntityStore entities, Span<ulong> candidates)
    {
        if (index.Count == 0)
        {
            return;
        }

        Mark(index, uid, candidates);
        if (entities.TryGet(uid, out var entity))
        {
            foreach (var ancestor in entity.Ancestors)
            {
                Mark(index, ancestor, candidates);
            }
        }
    }

    private static void Mark(Dictionary<EntityUid, int[]> index, EntityUid uid, Span<ulong> candidates)
    {
        if (index.TryGetValue(uid, out var list))
        {
            foreach (int i in list)
            {
                candidates[i >> 6] |= 1UL << (i & 63);
            }
        }
    }

    private static void Add(Dictionary<EntityUid, List<int>> index, EntityUid uid, int policy)
    {
        if (!index.TryGetValue(uid, out var list))
        {
            index[uid] = list = [];
        }

        list.Add(policy);
    }

    private static Dictionary<EntityUid, int[]> Freeze(Dictionary<EntityUid, List<int>> index) =>
        index.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
}
