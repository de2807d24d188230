using System.Text.Json;
using Dome.Core.Registry;

namespace Dome.Gateway.Policy;

/// <summary>Everything the policy step knows about one call; the pipeline fills it after steps 1–5.</summary>
internal sealed record ToolCallFacts
{
    public required string TenantId { get; init; }

    /// <summary>The calling agent (the principal).</summary>
    public required Agent Agent { get; init; }

    public UserFacts? User { get; init; }

    public required ToolFacts Tool { get; init; }

    /// <summary>The call's arguments (a JSON object); the policy step reads them, never logs them.</summary>
    public required JsonElement Arguments { get; init; }

    public string? Intent { get; init; }

    /// <summary>The other agents of the delegation chain (their ids), innermost first; empty for a direct call.</summary>
    public IReadOnlyList<string> Chain { get; init; } = [];

    /// <summary>The <c>approvalId</c> the retry carries, if any.</summary>
    public string? ApprovalId { get; init; }
}
