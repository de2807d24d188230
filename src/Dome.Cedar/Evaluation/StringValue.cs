using Dome.Cedar.Syntax;

namespace Dome.Cedar.Evaluation;

/// <summary>A Cedar string.</summary>
public sealed class StringValue : CedarValue
{
    /// <summary>Wraps <paramref name="value"/>.</summary>
    public StringValue(string value) => Value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The empty string.</summary>
    public static StringValue Empty { get; } = new(string.Empty);

    /// <summary>The string.</summary>
    public string Value { get; }

    internal override ValueKind Kind => ValueKind.String;

    /// <inheritdoc/>
    public override bool Equals(CedarValue? other) => other is StringValue s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc/>
    public override string ToString() => StringEscapes.Quote(Value);
}
