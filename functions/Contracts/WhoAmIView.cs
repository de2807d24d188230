using Dome.Tokens.Validation;

namespace Dome.Functions.Contracts;

/// <summary>
/// <c>GET /v1/whoami</c>: the verified principal of a Dome token. <c>chain</c> is innermost first: the agent that
/// acted first, then each agent it called, ending with <c>agent</c>, the one presenting the token.
/// </summary>
internal sealed record WhoAmIView
{
    public required string Subject { get; init; }

    /// <summary><c>user</c> (act-as) or <c>agent</c>.</summary>
    public required string SubjectType { get; init; }

    public required string Tenant { get; init; }

    public required VerifiedUser? User { get; init; }

    public required AgentRef Agent { get; init; }

    public required IReadOnlyList<AgentRef> Chain { get; init; }

    public required string Audience { get; init; }

    public required string TokenId { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public static WhoAmIView Of(VerifiedToken token) => new()
    {
        Subject = token.Principal.Subject,
        SubjectType = token.Principal.User is null ? "agent" : "user",
        Tenant = token.Principal.TenantId,
        User = token.Principal.User,
        Agent = token.Principal.Agent,
        Chain = token.Principal.Chain,
        Audience = token.Audience,
        TokenId = token.TokenId,
        ExpiresAt = token.ExpiresAt,
    };
}
