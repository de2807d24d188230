namespace Dome.Functions.Contracts;

/// <summary>How a connection authenticates upstream.</summary>
internal sealed record AuthView
{
    public required string Kind { get; init; }

    public string? Secret { get; init; }

    public string? Header { get; init; }

    public string? TokenUrl { get; init; }

    public string? Scope { get; init; }
}
