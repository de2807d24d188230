using Dome.Core.Policy;
using Dome.Gateway.Policy;

namespace Dome.Functions.Contracts;

/// <summary>The live policy set of the tenant: its version, files and what Dome reads from each policy.</summary>
internal sealed record PolicyView
{
    public required string Version { get; init; }

    /// <summary>False while the tenant never published: the tier bundles alone are live.</summary>
    public required bool Published { get; init; }

    public required IReadOnlyDictionary<string, string> Files { get; init; }

    public required IReadOnlyList<PolicyInfoView> Policies { get; init; }

    public required IReadOnlyList<PolicyVersionSummary> History { get; init; }

    public static PolicyView Of(CompiledPolicySet set, bool published, IReadOnlyList<PolicyVersionSummary> history) => new()
    {
        Version = set.Version,
        Published = published,
        Files = set.Bundle.Files,
        Policies = set.Policies.Policies.Select(p => PolicyInfoView.Of(p, set.Info(p.Id))).ToArray(),
        History = history,
    };
}
