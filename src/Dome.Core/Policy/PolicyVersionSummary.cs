namespace Dome.Core.Policy;

/// <summary>A published version without its content.</summary>
public sealed record PolicyVersionSummary
{
    public required string Hash { get; init; }

    public required IReadOnlyList<string> FileNames { get; init; }

    public required string PublishedBy { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>When it was last made active (a version published again is re-activated).</summary>
    public required DateTimeOffset ActivatedAt { get; init; }

    public required bool Active { get; init; }
}
