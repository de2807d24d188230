namespace Dome.Tokens.Keys;

/// <summary>The local signing-key file: every key, oldest first.</summary>
internal sealed record StoredSigningKeys
{
    public required IReadOnlyList<StoredSigningKey> Keys { get; init; }
}
