using Dome.Core.Policy;

namespace Dome.Functions.Hosting;

/// <summary>
/// Stand-in until the policy module registers its SQLite store: no tenant has published, so the tier bundles alone
/// decide; publishing is refused. Replaced by the real store's registration.
/// </summary>
internal sealed class PendingPolicyStore : IPolicyStore
{
    public Task ActivateAsync(PolicyVersion version, CancellationToken cancellationToken) => throw new NotSupportedException("the policy store is not wired in this build");

    public Task<PolicyVersion?> GetActiveAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult<PolicyVersion?>(null);

    public Task<string?> GetActiveHashAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<IReadOnlyList<PolicyVersionSummary>> ListAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<PolicyVersionSummary>>([]);

    public Task<PolicySettings> GetSettingsAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(PolicySettings.None);

    public Task SetSettingsAsync(string tenantId, PolicySettings settings, CancellationToken cancellationToken) => throw new NotSupportedException("the policy store is not wired in this build");
}
