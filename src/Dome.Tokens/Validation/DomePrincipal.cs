namespace Dome.Tokens.Validation;

/// <summary>
/// Who a Dome token speaks for: the end user when one was proven (act-as), and the chain of agents, innermost
/// first: <c>Chain[0]</c> is the agent that first acted, <c>Chain[^1]</c> the agent the token was issued to.
/// </summary>
public sealed record DomePrincipal
{
    public required string TenantId { get; init; }

    public required VerifiedUser? User { get; init; }

    public required IReadOnlyList<AgentRef> Chain { get; init; }

    /// <summary>The agent presenting the token (the last hop).</summary>
    public AgentRef Agent => Chain[^1];

    /// <summary>The token's <c>sub</c>: the issuer-qualified user, or the first agent when no user acts.</summary>
    public string Subject => User?.QualifiedSubject ?? Chain[0].Id;
}
