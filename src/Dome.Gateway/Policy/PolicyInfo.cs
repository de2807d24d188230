namespace Dome.Gateway.Policy;

/// <summary>What Dome reads from one policy's annotations, computed once per compiled version.</summary>
internal sealed record PolicyInfo
{
    /// <summary>The <c>@id</c> annotation, or `file#n` (n = position in its file, from 0).</summary>
    public required string Id { get; init; }

    /// <summary>The file the policy came from (e.g. `tiers/standard.cedar`).</summary>
    public required string File { get; init; }

    /// <summary>For a forbid with <c>@escalate("reason")</c>: the reason; otherwise null.</summary>
    public string? EscalateReason { get; init; }

    /// <summary>The JSON paths of a permit's <c>@redact("$.a $.b")</c> annotation.</summary>
    public IReadOnlyList<string> Redactions { get; init; } = [];
}
