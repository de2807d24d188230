using System.Reflection;

namespace Dome.Gateway.Policy;

/// <summary>Dome's Cedar schema and tier bundles, embedded from <c>policies/</c>.</summary>
internal static class BuiltInPolicies
{
    private const string Prefix = "Dome.Gateway.Policy.";

    /// <summary>The text of <c>policies/dome.cedarschema</c>.</summary>
    public static string Schema { get; } = Read("dome.cedarschema");

    /// <summary>The tier bundles by file name (`tiers/restricted.cedar`, …).</summary>
    public static IReadOnlyDictionary<string, string> Tiers { get; } = ReadTiers();

    private static string Read(string name)
    {
        using var stream = typeof(BuiltInPolicies).Assembly.GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException($"embedded resource `{name}` is missing from the gateway assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static SortedDictionary<string, string> ReadTiers()
    {
        var tiers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in typeof(BuiltInPolicies).Assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(Prefix + "tiers.", StringComparison.Ordinal))
            {
                var file = resource[(Prefix.Length + "tiers.".Length)..];
                tiers["tiers/" + file] = Read("tiers." + file);
            }
        }

        return tiers;
    }
}
