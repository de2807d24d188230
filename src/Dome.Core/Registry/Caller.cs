namespace Dome.Core.Registry;

/// <summary>An authenticated management caller: an admin of one tenant, or the operator.</summary>
public sealed record Caller
{
    /// <summary>The tenant an admin key administers; null for the operator.</summary>
    public required string? TenantId { get; init; }

    /// <summary>Names the caller in events: <c>admin:&lt;keyid&gt;</c> or <c>operator:&lt;keyid&gt;</c>.</summary>
    public required string Actor { get; init; }

    public bool IsOperator => TenantId is null;
}
