namespace Dome.Gateway.Escalation;

/// <summary>The calling agent as the judge sees it.</summary>
internal sealed record JudgeAgent
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Workspace { get; init; }

    public required string Tier { get; init; }

    public required string Owner { get; init; }
}
