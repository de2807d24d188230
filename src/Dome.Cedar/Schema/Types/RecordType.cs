namespace Dome.Cedar.Schema.Types;

/// <summary>A record type: its attributes (ordinal order) and whether other attributes may appear (open).</summary>
public sealed record RecordType(IReadOnlyDictionary<string, AttributeType> Attributes, bool Open = false) : CedarType
{
    /// <summary>The closed record with no attributes.</summary>
    public static readonly RecordType Empty = new(new SortedDictionary<string, AttributeType>(StringComparer.Ordinal));

    /// <inheritdoc />
    public override string Display =>
        "{" + string.Join(", ", Attributes.Select(a => $"{a.Key}{(a.Value.Required ? "" : "?")}: {a.Value.Type.Display}")) + "}";

    /// <summary>Structural equality (attribute names, types, optionality and openness).</summary>
    public bool Equals(RecordType? other)
    {
        if (other is null || Open != other.Open || Attributes.Count != other.Attributes.Count)
        {
            return false;
        }

        foreach (var (name, attribute) in Attributes)
        {
            if (!other.Attributes.TryGetValue(name, out var theirs) || theirs != attribute)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Open, Attributes.Count);
}
