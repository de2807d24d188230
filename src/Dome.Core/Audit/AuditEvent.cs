using System.Text.Json;

namespace Dome.Core.Audit;

/// <summary>
/// One governed tool call, whatever its outcome: written once per call (by <see cref="Id"/>, so a redelivered
/// message is not counted twice). It names who called what, which policies decided and how it went; it
/// never holds argument values or secrets, except <see cref="Arguments"/> for a tool marked to audit its
/// arguments (then already redacted by the tool's output rules).
/// </summary>
public sealed record AuditEvent
{
    /// <summary>The call id (`call_…`) the caller got back; unique per tenant.</summary>
    public required string Id { get; init; }

    /// <summary>
    /// 0 = decided (written before the call is forwarded, so no call reaches an upstream unaudited), 1 = completed
    /// (the same event with the upstream status, redactions and latencies). The store keeps the latest stage.
    /// </summary>
    public int Stage { get; init; } = AuditStages.Completed;

    /// <summary>`tool.call` for governed calls and checks (<see cref="Kind"/> tells them apart).</summary>
    public required string Kind { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string TenantId { get; init; }

    /// <summary>The calling agent's id; null when the caller could not be authenticated.</summary>
    public string? AgentId { get; init; }

    /// <summary>The calling agent's name (unique in its workspace), for people reading the trail.</summary>
    public string? AgentName { get; init; }

    /// <summary>The end user's subject for act-as calls.</summary>
    public string? UserId { get; init; }

    /// <summary>The delegation chain, innermost (the caller) first.</summary>
    public IReadOnlyList<string> Chain { get; init; } = [];

    /// <summary>`connection/operation` as requested (may name an unknown tool).</summary>
    public string? Tool { get; init; }

    public string? Intent { get; init; }

    /// <summary>`allow`, `deny`, `escalate` or `error` (see <see cref="AuditDecisions"/>).</summary>
    public required string Decision { get; init; }

    /// <summary>Why, in a stable code: the pipeline's failure code (e.g. `policy_denied`, `rate_limited`) or null for allow.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<string> PolicyIds { get; init; } = [];

    public string? PolicyVersion { get; init; }

    public string? ApprovalId { get; init; }

    /// <summary>The upstream's HTTP status, when the call was forwarded.</summary>
    public int? UpstreamStatus { get; init; }

    /// <summary>Redactions applied to the output, by rule kind (e.g. `field`, `email`, `card`): counts, never values.</summary>
    public IReadOnlyDictionary<string, int> Redactions { get; init; } = new Dictionary<string, int>();

    /// <summary>Milliseconds spent per pipeline step (e.g. `authenticate`, `policy`, `forward`), and `total`.</summary>
    public IReadOnlyDictionary<string, double> LatencyMs { get; init; } = new Dictionary<string, double>();

    /// <summary>The arguments, only for a tool marked to audit them, already redacted; otherwise null.</summary>
    public JsonElement? Arguments { get; init; }
}
