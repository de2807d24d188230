namespace Dome.Core.Registry;

/// <summary>An agent's registry record. Name, owner and workspace never change.</summary>
public sealed record Agent
{
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string Workspace { get; init; }

    public required string Name { get; init; }

    public required string Owner { get; init; }

    public required AgentTier Tier { get; init; }

    public required AgentStatus Status { get; init; }

    public required Capabilities Capabilities { get; init; }

    public required ActAsRequirement RequireActAs { get; init; }

    /// <summary>Agents (by name, in the same workspace) allowed to call this one on behalf of their caller.</summary>
    public required IReadOnlyList<string> AllowedParents { get; init; }

    /// <summary>The key id of the agent's current API key; the secret is stored only as a hash.</summary>
    public required string KeyId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Optimistic-concurrency version: bumped by every change.</summary>
    public required long Version { get; init; }
}
