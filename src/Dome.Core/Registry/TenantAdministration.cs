using Dome.Core.Errors;
using Dome.Core.Security;
using Dome.Core.Storage;

namespace Dome.Core.Registry;

/// <summary>The operator's work: tenants, their admin keys and workspaces; and who a presented key is.</summary>
public sealed class TenantAdministration(ITenantStore tenants, TimeProvider time)
{
    public const string DefaultTenant = "default";

    /// <summary>Creates a tenant with its <c>default</c> workspace; returns it with its first admin key (shown once).</summary>
    public async Task<(Tenant Tenant, string AdminKey)> CreateTenantAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (!Names.TryValidate(name, "tenant name", out var problem))
        {
            throw DomeException.Invalid(problem);
        }

        var now = time.GetUtcNow();
        var tenant = new Tenant { Id = "tnt_" + Guid.CreateVersion7(now).ToString("N"), Name = name, CreatedAt = now };
        var workspace = new Workspace { TenantId = tenant.Id, Name = AgentRegistry.DefaultWorkspace, CreatedAt = now };
        var key = SecretKey.Create(KeyPrefixes.AdminKey);
        if (!await tenants.CreateTenantAsync(tenant, workspace, AdminKey(key, tenant.Id, now), cancellationToken).ConfigureAwait(false))
        {
            throw DomeException.Conflict($"a tenant named `{name}` already exists");
        }

        return (tenant, key.Value);
    }

    public async Task<Tenant> GetTenantAsync(string name, CancellationToken cancellationToken = default) =>
        await tenants.FindTenantByNameAsync(name, cancellationToken).ConfigureAwait(false)
        ?? throw DomeException.NotFound($"no tenant named `{name}`");

    public Task<IReadOnlyList<Tenant>> ListTenantsAsync(CancellationToken cancellationToken = default) =>
        tenants.ListTenantsAsync(cancellationToken);

    /// <summary>Issues another admin key for a tenant (shown once).</summary>
    public async Task<string> CreateAdminKeyAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var key = SecretKey.Create(KeyPrefixes.AdminKey);
        await tenants.AddKeyAsync(AdminKey(key, tenantId, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return key.Value;
    }

    public async Task<Workspace> CreateWorkspaceAsync(string tenantId, string? name, CancellationToken cancellationToken = default)
    {
        if (!Names.TryValidate(name, "workspace name", out var problem))
        {
            throw DomeException.Invalid(problem);
        }

        var workspace = new Workspace { TenantId = tenantId, Name = name, CreatedAt = time.GetUtcNow() };
        if (!await tenants.CreateWorkspaceAsync(workspace, cancellationToken).ConfigureAwait(false))
        {
            throw DomeException.Conflict($"workspace `{name}` already exists");
        }

        return workspace;
    }

    public Task<IReadOnlyList<Workspace>> ListWorkspacesAsync(string tenantId, CancellationToken cancellationToken = default) =>
        tenants.ListWorkspacesAsync(tenantId, cancellationToken);

    /// <summary>Stores a new operator key and returns it (shown once).</summary>
    public async Task<string> CreateOperatorKeyAsync(CancellationToken cancellationToken = default)
    {
        var key = SecretKey.Create(KeyPrefixes.OperatorKey);
        await tenants.AddKeyAsync(
            new ManagementKey { KeyId = key.KeyId, Hash = key.Hash, Kind = KeyKind.Operator, TenantId = null, CreatedAt = time.GetUtcNow() },
            cancellationToken).ConfigureAwait(false);
        return key.Value;
    }

    /// <summary>Who a presented admin or operator key belongs to; null when it is unknown or does not match.</summary>
    public async Task<Caller?> AuthenticateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        string? keyId;
        KeyKind kind;
        if (SecretKey.TryParse(presented, KeyPrefixes.AdminKey, out keyId))
        {
            kind = KeyKind.Admin;
        }
        else if (SecretKey.TryParse(presented, KeyPrefixes.OperatorKey, out keyId))
        {
            kind = KeyKind.Operator;
        }
        else
        {
            return null;
        }

        var stored = await tenants.FindKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Kind != kind || !SecretKey.Matches(presented!, stored.Hash))
        {
            return null;
        }

        return kind == KeyKind.Operator
            ? new Caller { TenantId = null, Actor = "operator:" + keyId }
            : new Caller { TenantId = stored.TenantId, Actor = "admin:" + keyId };
    }

    private static ManagementKey AdminKey(SecretKey key, string tenantId, DateTimeOffset now) =>
        new() { KeyId = key.KeyId, Hash = key.Hash, Kind = KeyKind.Admin, TenantId = tenantId, CreatedAt = now };
}
