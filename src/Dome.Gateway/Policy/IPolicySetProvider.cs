namespace Dome.Gateway.Policy;

/// <summary>
/// The live, compiled policy set of each tenant. A set is compiled once per version and shared by every call;
/// publishing swaps the reference atomically, so a call sees either the old set or the new one, whole.
/// </summary>
internal interface IPolicySetProvider
{
    /// <summary>The tenant's live set (its active version, or the tier bundles alone when it never published).</summary>
    ValueTask<CompiledPolicySet> GetAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="compiled"/> the tenant's live set on this instance.</summary>
    void Swap(string tenantId, CompiledPolicySet compiled);
}
