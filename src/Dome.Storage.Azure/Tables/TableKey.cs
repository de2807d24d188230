using System.Globalization;
using System.Text;

namespace Dome.Storage.Azure.Tables;

/// <summary>
/// The rules for PartitionKey and RowKey values. The service forbids <c>/ \ # ?</c> and control characters in keys
/// and caps them at 1 KiB; <see cref="Encode"/> maps any string to an allowed key (reversibly, with <c>~XX</c> escapes
/// for the forbidden characters and for <c>~</c> and <c>|</c>, the separator of composite keys), so stores can key on names that users choose.
/// </summary>
internal static class TableKey
{
    /// <summary>The service's limit: 1 KiB, that is 512 UTF-16 characters.</summary>
    public const int MaxLength = 512;

    /// <summary>Throws when <paramref name="key"/> is not a valid key as it stands.</summary>
    public static void Validate(string key, string which)
    {
        ArgumentNullException.ThrowIfNull(key, which);
        if (key.Length > MaxLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{which} is {key.Length} characters long; a table key holds at most {MaxLength}"), which);
        }

        foreach (var c in key)
        {
            if (IsForbidden(c))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"{which} `{Printable(key)}` contains `{Printable(c.ToString())}`, which table keys cannot hold (encode it with TableKey.Encode)"),
                    which);
            }
        }
    }

    /// <summary>An allowed key for any string: forbidden characters and <c>~</c> become <c>~XX</c> (hex of the UTF-16 unit, or <c>~uXXXX</c> past 0xFF).</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.AsSpan().ContainsAny(Escaped) && !ContainsControl(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '~' or '|' || IsForbidden(c))
            {
                builder.Append(c <= 0xFF
                    ? string.Create(CultureInfo.InvariantCulture, $"~{(int)c:X2}")
                    : string.Create(CultureInfo.InvariantCulture, $"~u{(int)c:X4}"));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The string <see cref="Encode"/> was given.</summary>
    public static string Decode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.Contains('~', StringComparison.Ordinal))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != '~')
            {
                builder.Append(key[i]);
                continue;
            }

            var wide = i + 1 < key.Length && key[i + 1] == 'u';
            var digits = wide ? 4 : 2;
            var start = wide ? i + 2 : i + 1;
            if (start + digits > key.Length
                || !int.TryParse(key.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"table key `{Printable(key)}` has a bad escape at {i}"));
            }

            builder.Append((char)code);
            i = start + digits - 1;
        }

        return builder.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create("~/\\#?|");

    /// <summary>Encoded parts joined with <c>|</c> (which <see cref="Encode"/> escapes, so parts never run together).</summary>
    public static string Join(params string[] parts)
    {
        var encoded = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            encoded[i] = Encode(parts[i]);
        }

        return string.Join('|', encoded);
    }

    /// <summary>
    /// A key standing for <paramref name="value"/> in a uniqueness claim: the encoded value when it is short, else
    /// <c>~h</c> and the SHA-256 of its UTF-8 bytes (the claim row keeps the value itself in a property).
    /// </summary>
    public static string Claim(string value)
    {
        var encoded = Encode(value);
        return encoded.Length <= 400
            ? encoded
            : "~h" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(value)));
    }

    private static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c);

    private static bool ContainsControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Printable(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, 80));
        foreach (var c in value.Length > 80 ? value[..80] : value)
        {
            builder.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : c.ToString());
        }

        return builder.ToString();
    }
}
