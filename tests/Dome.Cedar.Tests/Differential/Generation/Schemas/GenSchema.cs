namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>A generated schema: namespaces, and in them common types, entity types and actions (all names fully qualified).</summary>
internal sealed record GenSchema
{
    public required IReadOnlyList<string> Namespaces { get; init; }

    /// <summary>Common types by fully qualified name, in declaration order.</summary>
    public required IReadOnlyList<(string Name, GenType Type)> CommonTypes { get; init; }

    public required IReadOnlyList<GenEntityType> EntityTypes { get; init; }

    public required IReadOnlyList<GenAction> Actions { get; init; }

    public GenEntityType? Entity(string name) => EntityTypes.FirstOrDefault(e => e.Name == name);

    /// <summary>The namespace part of a qualified name (empty for the empty namespace).</summary>
    public static string NamespaceOf(string qualified)
    {
        var at = qualified.LastIndexOf("::", StringComparison.Ordinal);
        return at < 0 ? "" : qualified[..at];
    }

    /// <summary>The last part of a qualified name.</summary>
    public static string BaseName(string qualified)
    {
        var at = qualified.LastIndexOf("::", StringComparison.Ordinal);
        return at < 0 ? qualified : qualified[(at + 2)..];
    }

    public static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "::" + name;
}
