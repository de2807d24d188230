namespace Dome.Tokens.Keys;

/// <summary>A signing key as the local store writes it: its private key encrypted by Data Protection.</summary>
internal sealed record StoredSigningKey
{
    public required string Kid { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset? RetiredAt { get; init; }

    public required DateTimeOffset? PublishedUntil { get; init; }

    /// <summary>The PKCS#8 private key, protected by the local key ring, base64url.</summary>
    public required string ProtectedKey { get; init; }
}
