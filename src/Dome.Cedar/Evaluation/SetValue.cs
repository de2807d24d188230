using System.Text;

namespace Dome.Cedar.Evaluation;

/// <summary>A Cedar set: unordered, without duplicates.</summary>
public sealed class SetValue : CedarValue
{
    private readonly CedarValue[] items;
    private HashSet<CedarValue>? lookup;
    private int hash;

    private SetValue(CedarValue[] distinctItems) => items = distinctItems;

    /// <summary>The empty set.</summary>
    public static SetValue Empty { get; } = new([]);

    /// <summary>The elements, in no particular order.</summary>
    public IReadOnlyList<CedarValue> Items => items;

    /// <summary>The number of distinct elements.</summary>
    public int Count => items.Length;

    internal override ValueKind Kind => ValueKind.Set;

    internal ReadOnlySpan<CedarValue> Span => items;

    /// <summary>A set of <paramref name="values"/>, duplicates removed.</summary>
    public static SetValue Of(IEnumerable<CedarValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return FromArray(values.ToArray());
    }

    /// <summary>Takes ownership of <paramref name="values"/> and removes duplicates.</summary>
    internal static SetValue FromArray(CedarValue[] values)
    {
        if (values.Length == 0)
        {
            return Empty;
        }

        if (values.Length <= 16)
        {
            int n = 0;
            for (int i = 0; i < values.Length; i++)
            {
                bool dup = false;
                for (int j = 0; j < n; j++)
                {
                    if (values[j].Equals(values[i]))
                    {
                        dup = true;
                        break;
                    }
                }

                if (!dup)
                {
                    values[n++] = values[i];
                }
            }

            return new SetValue(n == values.Length ? values : values.AsSpan(0, n).ToArray());
        }

        var distinct = new HashSet<CedarValue>(values);
        var set = new SetValue(distinct.Count == values.Length ? values : distinct.ToArray()) { lookup = distinct };
        return set;
    }

    /// <summary>Whether <paramref name="value"/> is an element.</summary>
    public bool Contains(CedarValue value)
    {
        if (items.Length <= 8)
        {
            foreach (var item in items)
            {
                if (item.Equals(value))
                {
                    return true;
                }
            }

            return false;
        }

        // :: Sets in policies are shared across threads: publish the lazily built index atomically.
        var index = Volatile.Read(ref lookup);
        if (index is null)
        {
            index = new HashSet<CedarValue>(items);
            index = Interlocked.CompareExchange(ref lookup, index, null) ?? index;
        }

        return index.Contains(value);
    }

    /// <inheritdoc/>
    public override bool Equals(CedarValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not SetValue s || s.items.Length != items.Length)
        {
            return false;
        }

        foreach (var item in items)
        {
            if (!s.Contains(item))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (hash == 0)
        {
            int h = 17 + items.Length;
            foreach (var item in items)
            {
                h ^= item.GetHashCode();
            }

            hash = h == 0 ? 1 : h;
        }

        return hash;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < items.Length; i++)
        {
            sb.Append(i == 0 ? string.Empty : ", ").Append(items[i].ToString());
        }

        return sb.Append(']').ToString();
    }
}
