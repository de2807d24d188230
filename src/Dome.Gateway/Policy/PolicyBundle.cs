using System.Security.Cryptography;
using System.Text;

namespace Dome.Gateway.Policy;

/// <summary>
/// The content of a policy set version: Cedar files by name and the schema. The built-in tier bundles are part
/// of every bundle unless it brings its own file of the same name (`tiers/standard.cedar`), so the hash names
/// exactly what is live.
/// </summary>
internal sealed record PolicyBundle
{
    public required IReadOnlyDictionary<string, string> Files { get; init; }

    public required string Schema { get; init; }

    /// <summary>The tier bundles alone, with Dome's schema: a tenant's set before its first publish.</summary>
    public static PolicyBundle Default { get; } = WithBuiltIns(new Dictionary<string, string>(), null);

    /// <summary>The tenant's files over the built-in tiers; <paramref name="schema"/> null means Dome's schema.</summary>
    public static PolicyBundle WithBuiltIns(IReadOnlyDictionary<string, string> files, string? schema)
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, text) in BuiltInPolicies.Tiers)
        {
            all[name] = text;
        }

        foreach (var (name, text) in files)
        {
            all[name] = text;
        }

        return new PolicyBundle { Files = all, Schema = schema ?? BuiltInPolicies.Schema };
    }

    /// <summary>`sha256:` + hex of the schema and the files in ordinal name order, each length-prefixed.</summary>
    public string Hash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(sha, "schema");
        Append(sha, Schema);
        foreach (var name in Files.Keys.Order(StringComparer.Ordinal))
        {
            Append(sha, name);
            Append(sha, Files[name]);
        }

        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void Append(IncrementalHash sha, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(length, bytes.Length);
        sha.AppendData(length);
        sha.AppendData(bytes);
    }
}
