namespace Dome.Tokens.Validation;

/// <summary>What a Dome access token's verified signature and claims say (before the registry check of its chain).</summary>
internal sealed record ValidatedClaims
{
    public required string TenantId { get; init; }

    public required VerifiedUser? User { get; init; }

    /// <summary>The chain's agent ids, innermost first.</summary>
    public required IReadOnlyList<string> ChainIds { get; init; }

    public required string TokenId { get; init; }

    public required string Audience { get; init; }

    public required string KeyId { get; init; }

    /// <summary>UTC.</summary>
    public required DateTime ExpiresAt { get; init; }

    /// <summary>UTC; <see cref="DateTime.MinValue"/> without <c>nbf</c>.</summary>
    public required DateTime NotBefore { get; init; }
}
