using System.Globalization;
using System.Text;

namespace Dome.Storage.Azure.KeyVault;

/// <summary>
/// Maps Dome's names onto Key Vault secret names, which allow only <c>[0-9a-zA-Z-]</c>, at most 127 characters,
/// and compare without case. The mapping is injective: each UTF-8 byte that is a lowercase letter or a digit stays
/// as it is, every other byte becomes <c>-</c> and two lowercase hex digits. An encoded part therefore never holds
/// <c>--</c> and never ends in <c>-</c>, so the first <c>--</c> after the prefix is the separator, and the result is all
/// lowercase, so Key Vault's case folding merges no two names.
/// <list type="bullet">
/// <item>a tenant's secret: <c>dome-secret--&lt;tenant&gt;--&lt;name&gt;</c> (<c>tnt_a</c>/<c>zd</c> → <c>dome-secret--tnt-5fa--zd</c>)</item>
/// <item>a signing key: <c>dome-signing--&lt;kid&gt;</c></item>
/// </list>
/// </summary>
internal static class KeyVaultNames
{
    public const int MaxLength = 127;

    public const string SecretPrefix = "dome-secret--";

    public const string SigningKeyPrefix = "dome-signing--";

    private const string Separator = "--";

    public static string Secret(string tenantId, string name) => Checked(TenantPrefix(tenantId) + Encode(name), $"the secret `{name}` of tenant `{tenantId}`");

    /// <summary>What every secret name of <paramref name="tenantId"/> starts with.</summary>
    public static string TenantPrefix(string tenantId) => SecretPrefix + Encode(tenantId) + Separator;

    public static string SigningKey(string kid) => Checked(SigningKeyPrefix + Encode(kid), $"the signing key `{kid}`");

    /// <summary>The Dome name inside a vault name that starts with <paramref name="prefix"/>; null for anything else.</summary>
    public static string? Decode(string vaultName, string prefix)
    {
        if (!vaultName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var encoded = vaultName.AsSpan(prefix.Length);
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = char.ToLowerInvariant(encoded[i]);
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                bytes.Add((byte)c);
            }
            else if (c == '-' && i + 2 < encoded.Length
                && byte.TryParse(encoded.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b)
                && !(char.IsAsciiLetterLower((char)b) || char.IsAsciiDigit((char)b)))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                return null;
            }
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string Encode(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterLower((char)b) || char.IsAsciiDigit((char)b))
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('-').Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static string Checked(string vaultName, string what) => vaultName.Length <= MaxLength
        ? vaultName
        : throw new ArgumentException($"{what} is too long for key vault: its secret name `{vaultName}` has {vaultName.Length} characters; at most {MaxLength} are allowed");
}
