namespace Dome.Core.Registry;

/// <summary>What an agent declares it uses. Anything not declared is denied at the gateway.</summary>
/// <remarks>A tool is a connection (<c>zendesk</c>, every tool of it) or one tool (<c>zendesk/create_ticket</c>).</remarks>
public sealed record Capabilities
{
    public required IReadOnlyList<string> Tools { get; init; }

    public required IReadOnlyList<string> ModelPools { get; init; }

    public required IReadOnlyList<string> Integrations { get; init; }

    public static Capabilities Empty { get; } = new() { Tools = [], ModelPools = [], Integrations = [] };
}
