namespace Dome.Functions.Contracts;

/// <summary>A registered or re-keyed agent with its API key: the only time the key is shown.</summary>
internal sealed record AgentWithKey
{
    public required AgentView Agent { get; init; }

    public required string ApiKey { get; init; }
}
