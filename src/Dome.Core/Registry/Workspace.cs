namespace Dome.Core.Registry;

/// <summary>A group of agents inside a tenant; agent names are unique per workspace.</summary>
public sealed record Workspace
{
    public required string TenantId { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
