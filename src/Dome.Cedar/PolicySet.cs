using Dome.Cedar.Authorization;
using Dome.Cedar.Syntax;

namespace Dome.Cedar;

/// <summary>
/// A parsed, prepared set of policies and templates, reusable across requests and threads. Policy ids are `policy0`,
/// `policy1`, ... in text order; template-linked policies take the id given to <see cref="Link"/>.
/// </summary>
public sealed class PolicySet
{
    private readonly Dictionary<string, Policy> byId;

    private PolicySet(List<Policy> all)
    {
        byId = new Dictionary<string, Policy>(StringComparer.Ordinal);
        foreach (var policy in all)
        {
            if (!byId.TryAdd(policy.Id, policy))
            {
                throw new CedarParseException($"duplicate policy id `{policy.Id}`");
            }
        }

        All = all;
        Policies = all.Where(p => !p.IsTemplate).ToArray();
        Templates = all.Where(p => p.IsTemplate).ToArray();
        Index = new ScopeIndex(Policies);
    }

    /// <summary>An empty policy set (denies everything).</summary>
    public static PolicySet Empty { get; } = new([]);

    /// <summary>The policies that are evaluated: static policies and template links, in order.</summary>
    public IReadOnlyList<Policy> Policies { get; }

    /// <summary>The templates (policies with `?principal` / `?resource` slots), which are evaluated only once linked.</summary>
    public IReadOnlyList<Policy> Templates { get; }

    internal IReadOnlyList<Policy> All { get; }

    internal ScopeIndex Index { get; }

    /// <summary>Parses Cedar policy text.</summary>
    /// <exception cref="CedarParseException">The text is not valid Cedar; the message gives the location.</exception>
    public static PolicySet Parse(string text) => new(Parser.ParsePolicies(text));

    /// <summary>Builds a set from already parsed policies (their ids must be distinct).</summary>
    public static PolicySet FromPolicies(IEnumerable<Policy> policies) => new(policies.ToList());

    /// <summary>The policy or template with <paramref name="id"/>, or null.</summary>
    public Policy? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>
    /// Links template <paramref name="templateId"/> by filling its slots, adding a policy with id <paramref name="newId"/>.
    /// Returns a new set; this one is unchanged.
    /// </summary>
    /// <exception cref="CedarParseException">No such template, the id is taken, or a slot value is missing or extra.</exception>
    public PolicySet Link(string templateId, string newId, EntityUid? principal = null, EntityUid? resource = null)
    {
        var template = Find(templateId);
        if (template is null || !template.IsTemplate)
        {
            throw new CedarParseException($"no template with id `{templateId}`");
        }

        var all = new List<Policy>(All) { template.Link(newId, principal, resource) };
        return new PolicySet(all);
    }

    /// <summary>All policies and templates as Cedar text.</summary>
    public override string ToString() => string.Join("\n\n", All.Where(p => p.TemplateId is null).Select(p => p.ToString()));
}
