using Dome.Core.Identity;

namespace Dome.Core.Storage;

/// <summary>The trusted identity providers of each tenant.</summary>
public interface IIdentityProviderStore
{
    /// <summary>Adds a provider; false when the tenant already has one of that name or that issuer.</summary>
    Task<bool> AddAsync(IdentityProvider provider, CancellationToken cancellationToken);

    Task<IReadOnlyList<IdentityProvider>> ListAsync(string tenantId, CancellationToken cancellationToken);

    Task<IdentityProvider?> FindByIssuerAsync(string tenantId, string issuer, CancellationToken cancellationToken);

    /// <summary>Removes a provider; false when there is none of that name.</summary>
    Task<bool> RemoveAsync(string tenantId, string name, CancellationToken cancellationToken);
}
