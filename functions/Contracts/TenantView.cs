using Dome.Core.Registry;

namespace Dome.Functions.Contracts;

internal sealed record TenantView
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>A new admin key for the tenant: present only in the answer that created it.</summary>
    public string? AdminKey { get; init; }

    public static TenantView Of(Tenant tenant, string? adminKey = null) =>
        new() { Id = tenant.Id, Name = tenant.Name, CreatedAt = tenant.CreatedAt, AdminKey = adminKey };
}
