namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>
/// A type in a generated schema. Entity and common-type references carry fully qualified names; a
/// common-type reference also carries the type it stands for, so policies can be generated through it.
/// </summary>
internal abstract record GenType
{
    /// <summary>The type with every common-type reference replaced by what it stands for.</summary>
    public virtual GenType Resolved => this;
}

/// <summary>`String`, `Long` or `Bool`.</summary>
internal sealed record GenPrimitive(string Name) : GenType
{
    public static readonly GenPrimitive String = new("String");
    public static readonly GenPrimitive Long = new("Long");
    public static readonly GenPrimitive Bool = new("Bool");
}

/// <summary>An extension type: `ipaddr`, `decimal`, `datetime` or `duration`.</summary>
internal sealed record GenExtension(string Name) : GenType
{
    public static readonly string[] Names = ["ipaddr", "decimal", "datetime", "duration"];
}

/// <summary>`Set&lt;Element&gt;`.</summary>
internal sealed record GenSet(GenType Element) : GenType;

/// <summary>A reference to an entity type, by fully qualified name.</summary>
internal sealed record GenEntityRef(string Name) : GenType;

/// <summary>A reference to a declared common type, by fully qualified name.</summary>
internal sealed record GenCommonRef(string Name, GenType Target) : GenType
{
    public override GenType Resolved => Target.Resolved;
}

/// <summary>A record type: attributes in declaration order, each required or optional.</summary>
internal sealed record GenRecord(IReadOnlyList<GenAttribute> Attributes) : GenType
{
    public static readonly GenRecord Empty = new([]);
}

/// <summary>One attribute of a record type.</summary>
internal sealed record GenAttribute(string Name, GenType Type, bool Required);
