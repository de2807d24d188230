using Dome.Core.Secrets;

namespace Dome.Functions.Tests.Gateway;

/// <summary>The real secret store, failing like an unreachable store while <see cref="Switch.Down"/>.</summary>
internal sealed class FaultySecretStore(ISecretStore inner, Switch outage) : ISecretStore
{
    public async ValueTask<SecretValue?> GetAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        if (outage.Down)
        {
            throw new SecretStoreException("the secret store is unavailable (injected outage)");
        }

        return await inner.GetAsync(tenantId, name, cancellationToken);
    }

    public Task<bool> SetAsync(string tenantId, string name, SecretValue value, DateTimeOffset at, CancellationToken cancellationToken) => inner.SetAsync(tenantId, name, value, at, cancellationToken);

    public Task<bool> DeleteAsync(string tenantId, string name, CancellationToken cancellationToken) => inner.DeleteAsync(tenantId, name, cancellationToken);

    public Task<IReadOnlyList<SecretInfo>> ListAsync(string tenantId, CancellationToken cancellationToken) => inner.ListAsync(tenantId, cancellationToken);
}
