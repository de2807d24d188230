using Dome.Core.Registry;
using Dome.Core.Security;

namespace Dome.Core.Storage;

/// <summary>Tenants, their workspaces and the management keys that act on them.</summary>
public interface ITenantStore
{
    /// <summary>Creates a tenant with its first workspace and admin key in one change; false if the name is taken.</summary>
    Task<bool> CreateTenantAsync(Tenant tenant, Workspace firstWorkspace, ManagementKey adminKey, CancellationToken cancellationToken);

    Task<Tenant?> FindTenantByNameAsync(string name, CancellationToken cancellationToken);

    Task<Tenant?> FindTenantAsync(string tenantId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Tenant>> ListTenantsAsync(CancellationToken cancellationToken);

    /// <summary>Adds a workspace; false if the tenant already has one of that name.</summary>
    Task<bool> CreateWorkspaceAsync(Workspace workspace, CancellationToken cancellationToken);

    Task<Workspace?> FindWorkspaceAsync(string tenantId, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Workspace>> ListWorkspacesAsync(string tenantId, CancellationToken cancellationToken);

    Task AddKeyAsync(ManagementKey key, CancellationToken cancellationToken);

    Task<ManagementKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken);
}
