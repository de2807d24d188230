using System.Collections.Concurrent;
using Dome.Core.Policy;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Policy;

/// <summary>
/// Compiled sets per tenant, cached. A cached set is returned without I/O until <see cref="PolicyOptions.RefreshInterval"/>
/// passes; then the store's active hash is read and the set recompiled only if another instance published.
/// </summary>
internal sealed class PolicySetProvider(IPolicyStore store, TimeProvider time, IOptions<PolicyOptions> options) : IPolicySetProvider
{
    private static readonly Lazy<CompiledPolicySet> DefaultSet = new(() => PolicyCompiler.Compile(PolicyBundle.Default));
    private readonly ConcurrentDictionary<string, Entry> live = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim loading = new(1, 1);

    public static CompiledPolicySet Default => DefaultSet.Value;

    public ValueTask<CompiledPolicySet> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (live.TryGetValue(tenantId, out var entry) && time.GetUtcNow() - entry.CheckedAt < options.Value.RefreshInterval)
        {
            return ValueTask.FromResult(entry.Set);
        }

        return new ValueTask<CompiledPolicySet>(LoadAsync(tenantId, cancellationToken));
    }

    public void Swap(string tenantId, CompiledPolicySet compiled) => live[tenantId] = new Entry(compiled, time.GetUtcNow());

    private async Task<CompiledPolicySet> LoadAsync(string tenantId, CancellationToken cancellationToken)
    {
        var hash = await store.GetActiveHashAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (live.TryGetValue(tenantId, out var entry) && entry.Set.Version == (hash ?? Default.Version))
        {
            Swap(tenantId, entry.Set);
            return entry.Set;
        }

        await loading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = hash is null ? null : await store.GetActiveAsync(tenantId, cancellationToken).ConfigureAwait(false);
            var compiled = version is null
                ? Default
                : PolicyCompiler.Compile(new PolicyBundle { Files = version.Files, Schema = version.Schema });
            Swap(tenantId, compiled);
            return compiled;
        }
        finally
        {
            loading.Release();
        }
    }

    private sealed record Entry(CompiledPolicySet Set, DateTimeOffset CheckedAt);
}
