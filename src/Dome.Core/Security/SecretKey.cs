using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Dome.Core.Security;

/// <summary>
/// A bearer secret of the form <c>&lt;prefix&gt;_&lt;keyid&gt;_&lt;secret&gt;</c> (API keys: <c>dome_ak_…</c>,
/// admin keys: <c>dome_adm_…</c>, the operator key: <c>dome_op_…</c>). The key id lets a leaked key be
/// found and attributed; the secret carries 256 bits of randomness and is stored only as a SHA-256 hash
/// (a fast hash fits: the input is uniformly random, so there is nothing to brute-force).
/// </summary>
public sealed record SecretKey
{
    private const int KeyIdBytes = 8;
    private const int SecretBytes = 32;

    public required string Prefix { get; init; }

    public required string KeyId { get; init; }

    /// <summary>The whole key as handed to its holder. Shown once, never stored.</summary>
    public required string Value { get; init; }

    /// <summary>The stored form: SHA-256 of the whole key, hex.</summary>
    public required string Hash { get; init; }

    public static SecretKey Create(string prefix)
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        var value = $"{prefix}_{keyId}_{secret}";
        return new SecretKey { Prefix = prefix, KeyId = keyId, Value = value, Hash = HashOf(value) };
    }

    /// <summary>Splits a presented key into its key id, or fails when its shape is wrong.</summary>
    public static bool TryParse(string? presented, string prefix, [NotNullWhen(true)] out string? keyId)
    {
        keyId = null;
        if (string.IsNullOrEmpty(presented) || presented.Length > 200 || !presented.StartsWith(prefix + "_", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = presented.AsSpan(prefix.Length + 1);
        var separator = rest.IndexOf('_');
        if (separator != KeyIdBytes * 2 || rest.Length <= separator + 1)
        {
            return false;
        }

        keyId = rest[..separator].ToString();
        return true;
    }

    public static string HashOf(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Compares a presented key with a stored hash in constant time.</summary>
    public static bool Matches(string presented, string storedHash)
    {
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        Span<byte> expected = stackalloc byte[32];
        if (!Convert.FromHexString(storedHash, expected, out _, out var written).Equals(System.Buffers.OperationStatus.Done) || written != 32)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
