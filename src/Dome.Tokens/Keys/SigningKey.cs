using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Dome.Tokens.Keys;

/// <summary>
/// One of Dome's ES256 signing keys. The current key signs; a retired key signs nothing more but stays
/// published in the JWKS until <see cref="PublishedUntil"/>, when every token it signed has expired.
/// </summary>
public sealed record SigningKey
{
    public const string Algorithm = "ES256";

    private ECDsaSecurityKey? securityKey;

    public required string Kid { get; init; }

    /// <summary>The P-256 key pair. Its private half never leaves the key store unencrypted.</summary>
    public required ECDsa Key { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a newer key took over signing; null for the current key.</summary>
    public required DateTimeOffset? RetiredAt { get; init; }

    /// <summary>Until when a retired key stays in the JWKS; null for the current key.</summary>
    public required DateTimeOffset? PublishedUntil { get; init; }

    /// <summary>The public key as IdentityModel verifies with it, made once per key.</summary>
    public ECDsaSecurityKey SecurityKey => securityKey ??= new ECDsaSecurityKey(Key) { KeyId = Kid };

    public bool IsPublishedAt(DateTimeOffset now) => PublishedUntil is not { } until || now < until;

    public static SigningKey Create(DateTimeOffset now) => new()
    {
        Kid = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256),
        CreatedAt = now,
        RetiredAt = null,
        PublishedUntil = null,
    };
}
