namespace Dome.Cedar.Evaluation;

/// <summary>Wraps an extension struct (decimal, ipaddr, datetime, duration) as a Cedar value.</summary>
internal sealed class ExtensionValue<T> : ExtensionValue
    where T : IEquatable<T>
{
    private readonly string typeName;
    private readonly Comparison<T>? compare;
    private readonly Func<T, string> print;

    public ExtensionValue(string typeName, T value, Func<T, string> print, Comparison<T>? compare = null)
    {
        this.typeName = typeName;
        Value = value;
        this.print = print;
        this.compare = compare;
    }

    public T Value { get; }

    public override string ExtensionType => typeName;

    internal override bool SupportsOrdering => compare is not null;

    public override bool Equals(CedarValue? other) => other is ExtensionValue<T> e && e.typeName == typeName && e.Value.Equals(Value);

    public override int GetHashCode() => HashCode.Combine(typeName, Value);

    public override string ToString() => print(Value);

    internal override int CompareTo(ExtensionValue other) => compare!(Value, ((ExtensionValue<T>)other).Value);
}
