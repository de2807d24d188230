namespace Dome.Core.Security;

/// <summary>A stored admin or operator key: its id and hash, never the key itself.</summary>
public sealed record ManagementKey
{
    public required string KeyId { get; init; }

    public required string Hash { get; init; }

    public required KeyKind Kind { get; init; }

    /// <summary>The tenant an admin key administers; null for the operator key.</summary>
    public required string? TenantId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
