using Dome.Tokens.Keys;

namespace Dome.Functions.Contracts;

/// <summary>One of Dome's signing keys as the operator sees it: never its private half.</summary>
internal sealed record SigningKeyView
{
    public required string Kid { get; init; }

    public required string Algorithm { get; init; }

    public required bool Current { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset? RetiredAt { get; init; }

    public required DateTimeOffset? PublishedUntil { get; init; }

    public static SigningKeyView Of(SigningKey key) => new()
    {
        Kid = key.Kid,
        Algorithm = SigningKey.Algorithm,
        Current = key.RetiredAt is null,
        CreatedAt = key.CreatedAt,
        RetiredAt = key.RetiredAt,
        PublishedUntil = key.PublishedUntil,
    };
}
