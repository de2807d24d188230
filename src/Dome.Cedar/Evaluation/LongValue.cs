using System.Globalization;

namespace Dome.Cedar.Evaluation;

/// <summary>A Cedar 64-bit signed integer.</summary>
public sealed class LongValue : CedarValue
{
    private static readonly LongValue[] Small = CreateSmall();

    private LongValue(long value) => Value = value;

    /// <summary>The integer.</summary>
    public long Value { get; }

    internal override ValueKind Kind => ValueKind.Long;

    /// <summary>A value for <paramref name="value"/> (small values are shared).</summary>
    public static LongValue Of(long value) => value >= -128 && value < 1024 ? Small[value + 128] : new LongValue(value);

    /// <inheritdoc/>
    public override bool Equals(CedarValue? other) => other is LongValue l && l.Value == Value;

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    private static LongValue[] CreateSmall()
    {
        var small = new LongValue[1024 + 128];
        for (int i = 0; i < small.Length; i++)
        {
            small[i] = new LongValue(i - 128);
        }

        return small;
    }
}
