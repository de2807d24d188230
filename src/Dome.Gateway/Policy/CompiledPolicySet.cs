using Dome.Cedar;
using Dome.Cedar.Schema;

namespace Dome.Gateway.Policy;

/// <summary>
/// A policy set version ready to evaluate: parsed and indexed once, immutable, shared by every call of the tenant.
/// <see cref="WithoutEscalations"/> is the same set minus the <c>@escalate</c> forbids, to tell whether they
/// alone caused a deny. Build it with <see cref="PolicyCompiler"/>.
/// </summary>
internal sealed class CompiledPolicySet
{
    private readonly Dictionary<string, PolicyInfo> info;

    // :: Per policy, what a decision it alone determines carries: its id as a list, and its distinct @redact paths.
    private readonly Dictionary<string, (string[] Ids, string[] Redactions)> alone;

    public CompiledPolicySet(string version, PolicyBundle bundle, CedarSchema schema, PolicySet policies, PolicySet withoutEscalations, Dictionary<string, PolicyInfo> info)
    {
        Version = version;
        Bundle = bundle;
        Schema = schema;
        Policies = policies;
        WithoutEscalations = withoutEscalations;
        this.info = info;
        alone = new Dictionary<string, (string[], string[])>(info.Count, StringComparer.Ordinal);
        foreach (var (cedarId, policy) in info)
        {
            alone[cedarId] = ([policy.Id], policy.Redactions.Distinct(StringComparer.Ordinal).ToArray());
        }
    }

    /// <summary>The content hash of <see cref="Bundle"/>.</summary>
    public string Version { get; }

    public PolicyBundle Bundle { get; }

    public CedarSchema Schema { get; }

    public PolicySet Policies { get; }

    public PolicySet WithoutEscalations { get; }

    /// <summary>What the annotations say about the policy with Cedar id <paramref name="cedarId"/> (`policy0`, …).</summary>
    public PolicyInfo Info(string cedarId) => info[cedarId];

    /// <summary>The ids and distinct redactions of a decision determined by the policy <paramref name="cedarId"/> alone (shared, read-only).</summary>
    public (IReadOnlyList<string> Ids, IReadOnlyList<string> Redactions) Alone(string cedarId) => alone[cedarId];

    /// <summary>Every policy's info, in set order.</summary>
    public IEnumerable<PolicyInfo> AllInfo => Policies.Policies.Select(p => info[p.Id]);
}
