namespace Dome.Cedar.Evaluation;

/// <summary>A Cedar value: bool, long, string, entity, set, record or extension value. Equality is Cedar's structural equality.</summary>
public abstract class CedarValue : IEquatable<CedarValue>
{
    private protected CedarValue()
    {
    }

    /// <summary>The value's type, as named in error messages.</summary>
    internal abstract ValueKind Kind { get; }

    /// <inheritdoc/>
    public abstract bool Equals(CedarValue? other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CedarValue v && Equals(v);

    /// <inheritdoc/>
    public abstract override int GetHashCode();

    /// <summary>The value as a Cedar expression.</summary>
    public abstract override string ToString();

    /// <summary>A human-readable name of this value's type, for error messages.</summary>
    internal virtual string TypeName => Kind switch
    {
        ValueKind.Bool => "bool",
        ValueKind.Long => "long",
        ValueKind.String => "string",
        ValueKind.Entity => "entity",
        ValueKind.Set => "set",
        ValueKind.Record => "record",
        _ => "extension value",
    };
}
