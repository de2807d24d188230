using System.Diagnostics.CodeAnalysis;
using System.Text;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Evaluation;

/// <summary>A Cedar record: attribute names mapped to values.</summary>
public sealed class RecordValue : CedarValue
{
    private readonly Dictionary<string, CedarValue> attributes;
    private int hash;

    /// <summary>A record holding a copy of <paramref name="attributes"/>.</summary>
    public RecordValue(IEnumerable<KeyValuePair<string, CedarValue>> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        this.attributes = new Dictionary<string, CedarValue>(attributes, StringComparer.Ordinal);
    }

    private RecordValue(Dictionary<string, CedarValue> attributes, bool owned)
    {
        _ = owned;
        this.attributes = attributes;
    }

    /// <summary>The empty record.</summary>
    public static RecordValue Empty { get; } = new(new Dictionary<string, CedarValue>(StringComparer.Ordinal), true);

    /// <summary>The attributes.</summary>
    public IReadOnlyDictionary<string, CedarValue> Attributes => attributes;

    internal override ValueKind Kind => ValueKind.Record;

    /// <summary>
    /// A record over <paramref name="attributes"/> itself, not a copy: the caller hands the dictionary over and must not
    /// change it afterwards. For callers that build a record per request and would otherwise copy it once more.
    /// </summary>
    /// <exception cref="ArgumentException">The dictionary does not compare keys ordinally, as Cedar attribute names are.</exception>
    public static RecordValue FromDictionary(Dictionary<string, CedarValue> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (!ReferenceEquals(attributes.Comparer, StringComparer.Ordinal) && !ReferenceEquals(attributes.Comparer, EqualityComparer<string>.Default))
        {
            throw new ArgumentException("the attributes must compare names ordinally (`StringComparer.Ordinal`)", nameof(attributes));
        }

        return new(attributes, true);
    }

    /// <summary>Takes ownership of <paramref name="attributes"/> (an ordinal dictionary).</summary>
    internal static RecordValue Wrap(Dictionary<string, CedarValue> attributes) => new(attributes, true);

    /// <summary>Looks up attribute <paramref name="name"/>.</summary>
    public bool TryGet(string name, [MaybeNullWhen(false)] out CedarValue value) => attributes.TryGetValue(name, out value);

    /// <summary>Whether attribute <paramref name="name"/> is present.</summary>
    public bool Has(string name) => attributes.ContainsKey(name);

    /// <inheritdoc/>
    public override bool Equals(CedarValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not RecordValue r || r.attributes.Count != attributes.Count)
        {
            return false;
        }

        foreach (var (key, value) in attributes)
        {
            if (!r.attributes.TryGetValue(key, out var v) || !v.Equals(value))
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
            int h = 31 + attributes.Count;
            foreach (var (key, value) in attributes)
            {
                h ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), value.GetHashCode());
            }

            hash = h == 0 ? 1 : h;
        }

        return hash;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder("{");
        bool first = true;
        foreach (var key in attributes.Keys.Order(StringComparer.Ordinal))
        {
            sb.Append(first ? string.Empty : ", ").Append(StringEscapes.Quote(key)).Append(": ").Append(attributes[key].ToString());
            first = false;
        }

        return sb.Append('}').ToString();
    }
}
