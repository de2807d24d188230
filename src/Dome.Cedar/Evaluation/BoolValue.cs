namespace Dome.Cedar.Evaluation;

/// <summary>A Cedar boolean. Use <see cref="True"/> and <see cref="False"/>.</summary>
public sealed class BoolValue : CedarValue
{
    private BoolValue(bool value) => Value = value;

    /// <summary>The value `true`.</summary>
    public static BoolValue True { get; } = new(true);

    /// <summary>The value `false`.</summary>
    public static BoolValue False { get; } = new(false);

    /// <summary>The boolean.</summary>
    public bool Value { get; }

    internal override ValueKind Kind => ValueKind.Bool;

    /// <summary>The shared instance for <paramref name="value"/>.</summary>
    public static BoolValue Of(bool value) => value ? True : False;

    /// <inheritdoc/>
    public override bool Equals(CedarValue? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value ? 1 : 2;

    /// <inheritdoc/>
    public override string ToString() => Value ? "true" : "false";
}
