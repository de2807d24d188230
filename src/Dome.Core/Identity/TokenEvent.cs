namespace Dome.Core.Identity;

/// <summary>
/// One outcome of the token endpoint, kept for audit until Dome has its audit store: an issued token (by
/// <c>jti</c>) or a refused exchange (with its OAuth error and the reason). It names agents and key ids, never a
/// token or a key.
/// </summary>
public sealed record TokenEvent
{
    public required string Id { get; init; }

    public required TokenEventKind Kind { get; init; }

    /// <summary>The tenant, when the exchange got far enough to know it.</summary>
    public required string? TenantId { get; init; }

    /// <summary>The agent the token was for (or refused to), when known.</summary>
    public required string? AgentId { get; init; }

    /// <summary>The API key id presented, when one was well-formed: it attributes a leaked or rotated key.</summary>
    public required string? KeyId { get; init; }

    /// <summary>For an issued token, its <c>jti</c>; for a refusal, the OAuth error code.</summary>
    public required string Detail { get; init; }

    /// <summary>For a refusal, the stable reason (for example <c>agent_suspended</c>); null for an issued token.</summary>
    public required string? Reason { get; init; }

    public required DateTimeOffset At { get; init; }
}
