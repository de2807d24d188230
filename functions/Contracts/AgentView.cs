using Dome.Core.Registry;

namespace Dome.Functions.Contracts;

/// <summary>An agent as the API shows it. Field names and values are stable: scripts and CI depend on them.</summary>
internal sealed record AgentView
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Workspace { get; init; }

    public required string Owner { get; init; }

    public required string Tier { get; init; }

    public required string Status { get; init; }

    public required IReadOnlyList<string> Tools { get; init; }

    public required IReadOnlyList<string> ModelPools { get; init; }

    public required IReadOnlyList<string> Integrations { get; init; }

    public required string RequireActAs { get; init; }

    public required IReadOnlyList<string> AllowedParents { get; init; }

    public required string KeyId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The agent's history, oldest first; present when one agent is shown.</summary>
    public IReadOnlyList<AgentEventView>? History { get; init; }

    public static AgentView Of(Agent agent, IReadOnlyList<AgentEvent>? history = null) => new()
    {
        Id = agent.Id,
        Name = agent.Name,
        Workspace = agent.Workspace,
        Owner = agent.Owner,
        Tier = WireNames.Of(agent.Tier),
        Status = WireNames.Of(agent.Status),
        Tools = agent.Capabilities.Tools,
        ModelPools = agent.Capabilities.ModelPools,
        Integrations = agent.Capabilities.Integrations,
        RequireActAs = WireNames.Of(agent.RequireActAs),
        AllowedParents = agent.AllowedParents,
        KeyId = agent.KeyId,
        CreatedAt = agent.CreatedAt,
        UpdatedAt = agent.UpdatedAt,
        History = history?.Select(AgentEventView.Of).ToArray(),
    };
}
