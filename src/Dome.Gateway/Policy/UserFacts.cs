namespace Dome.Gateway.Policy;

/// <summary>The verified end user of an act-as call (the <c>Dome::User</c> entity in <c>context.user</c>).</summary>
internal sealed record UserFacts
{
    /// <summary>The subject (<c>sub</c>) of the user's identity.</summary>
    public required string Id { get; init; }

    public string? Email { get; init; }

    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The customer (tenant of the caller's own product) the user belongs to, from a claim.</summary>
    public string? Customer { get; init; }
}
