namespace Dome.Tokens.Validation;

/// <summary>One agent of a token's chain, as the registry knows it now.</summary>
public sealed record AgentRef
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Workspace { get; init; }

    public required string Tier { get; init; }
}
