namespace Dome.Core.Policy;

/// <summary>
/// One published policy set of a tenant: its Cedar files (name → text) and the schema they were validated
/// against, named by the SHA-256 of that content. At most one version of a tenant is active.
/// </summary>
public sealed record PolicyVersion
{
    public required string TenantId { get; init; }

    /// <summary>`sha256:` and the lowercase hex digest of the content (see <c>PolicyBundle.Hash</c> in the gateway).</summary>
    public required string Hash { get; init; }

    /// <summary>The Cedar policy files by name, in ordinal order of their names.</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }

    /// <summary>The Cedar schema text the policies were validated against.</summary>
    public required string Schema { get; init; }

    public required string PublishedBy { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }
}
