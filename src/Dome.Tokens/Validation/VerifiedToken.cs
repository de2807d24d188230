namespace Dome.Tokens.Validation;

/// <summary>A Dome access token that passed every check, with what it says.</summary>
public sealed record VerifiedToken
{
    public required DomePrincipal Principal { get; init; }

    public required string TokenId { get; init; }

    public required string Audience { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}
