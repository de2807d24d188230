namespace Dome.Core.Registry;

/// <summary>A newly registered (or re-keyed) agent with its API key, which is shown this once and never again.</summary>
public sealed record RegisteredAgent
{
    public required Agent Agent { get; init; }

    public required string ApiKey { get; init; }
}
