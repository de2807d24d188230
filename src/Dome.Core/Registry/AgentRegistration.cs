namespace Dome.Core.Registry;

/// <summary>A request to register an agent, as the API and the CLI receive it (unvalidated).</summary>
public sealed record AgentRegistration
{
    public string? Name { get; init; }

    /// <summary>Defaults to the tenant's <c>default</c> workspace.</summary>
    public string? Workspace { get; init; }

    public string? Owner { get; init; }

    public string? Tier { get; init; }

    public IReadOnlyList<string>? Tools { get; init; }

    public IReadOnlyList<string>? ModelPools { get; init; }

    public IReadOnlyList<string>? Integrations { get; init; }

    /// <summary><c>none</c> (default) or <c>oidc</c>.</summary>
    public string? RequireActAs { get; init; }

    public IReadOnlyList<string>? AllowedParents { get; init; }
}
