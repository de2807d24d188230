namespace Dome.Core.Registry;

/// <summary>A customer of Dome: the boundary no admin key crosses.</summary>
public sealed record Tenant
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
