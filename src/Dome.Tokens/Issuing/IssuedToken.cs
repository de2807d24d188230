namespace Dome.Tokens.Issuing;

/// <summary>A token Dome signed, with the facts the response and the audit need.</summary>
public sealed record IssuedToken
{
    public required string AccessToken { get; init; }

    public required string TokenId { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public required int ExpiresIn { get; init; }
}
