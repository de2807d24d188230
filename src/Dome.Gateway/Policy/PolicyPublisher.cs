using Dome.Core.Policy;

namespace Dome.Gateway.Policy;

/// <summary>Validates a tenant's policy files and, when valid, stores them as a version and makes it live.</summary>
internal sealed class PolicyPublisher(IPolicyStore store, IPolicySetProvider provider, TimeProvider time)
{
    /// <summary>Publishes <paramref name="files"/> (name → Cedar text) over the built-in tiers.</summary>
    /// <exception cref="PolicyBundleException">A file does not parse or the set does not validate: nothing changed.</exception>
    public async Task<CompiledPolicySet> PublishAsync(string tenantId, IReadOnlyDictionary<string, string> files, string? schema, string actor, CancellationToken cancellationToken = default)
    {
        var compiled = PolicyCompiler.Compile(PolicyBundle.WithBuiltIns(files, schema));
        await store.ActivateAsync(
            new PolicyVersion
            {
                TenantId = tenantId,
                Hash = compiled.Version,
                Files = compiled.Bundle.Files,
                Schema = compiled.Bundle.Schema,
                PublishedBy = actor,
                PublishedAt = time.GetUtcNow(),
            },
            cancellationToken).ConfigureAwait(false);
        provider.Swap(tenantId, compiled);
        return compiled;
    }
}
