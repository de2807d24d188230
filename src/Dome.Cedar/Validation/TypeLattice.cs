using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Validation;

/// <summary>
/// Strict-mode subtyping and least upper bounds. Strict mode applies depth (not width) subtyping to records,
/// requires attribute optionality to agree, and gives no upper bound to distinct entity types.
/// </summary>
internal static class TypeLattice
{
    /// <summary>Strict subtyping: <paramref name="sub"/> &lt;: <paramref name="super"/>.</summary>
    public static bool IsSubtype(CedarType sub, CedarType super)
    {
        switch (sub, super)
        {
            case (NeverType, _):
                return true;
            case (BoolType a, BoolType b):
                return b.Value is null || a.Value == b.Value;
            case (LongType, LongType):
            case (StringType, StringType):
                return true;
            case (SetType a, SetType b):
                return IsSubtype(a.Element, b.Element);
            case (RecordType a, RecordType b):
                return (!a.Open || b.Open) && SameKeys(a, b) && a.Attributes.All(p =>
                {
                    var other = b.Attributes[p.Key];
                    return p.Value.Required == other.Required && IsSubtype(p.Value.Type, other.Type);
                });
            case (EntityType a, EntityType b):
                return a.Equals(b);
            case (ExtensionType a, ExtensionType b):
                return a.Name == b.Name;
            default:
                return false;
        }
    }

    /// <summary>The strict least upper bound, or null (with a reason) when there is none.</summary>
    public static CedarType? LeastUpperBound(CedarType a, CedarType b, out string? reason)
    {
        reason = null;
        if (IsSubtype(a, b))
        {
            return b;
        }

        if (IsSubtype(b, a))
        {
            return a;
        }

        switch (a, b)
        {
            case (BoolType, BoolType):
                return BoolType.Any;
            case (SetType x, SetType y):
                var element = LeastUpperBound(x.Element, y.Element, out reason);
                return element is null ? null : new SetType(element);
            case (RecordType x, RecordType y):
                return RecordBound(x, y, out reason);
            case (EntityType, EntityType):
                reason = "for strict validation, both operands must have the same entity type";
                return null;
            case (EntityType, RecordType) or (RecordType, EntityType):
                reason = "entity and record types cannot be combined";
                return null;
            default:
                return null;
        }
    }

    /// <summary>The least upper bound of all <paramref name="types"/> (Never for none), or null.</summary>
    public static CedarType? LeastUpperBound(IEnumerable<CedarType> types, out string? reason)
    {
        reason = null;
        CedarType result = NeverType.Instance;
        foreach (var type in types)
        {
            var next = LeastUpperBound(result, type, out reason);
            if (next is null)
            {
                return null;
            }

            result = next;
        }

        return result;
    }

    /// <summary>True when no value can have both types (only decided for entity types).</summary>
    public static bool AreDisjoint(CedarType a, CedarType b) =>
        a is EntityType { Names: { } x } && b is EntityType { Names: { } y } && !x.Overlaps(y);

    /// <summary>The permissive bound of several entity types' attributes: only common attributes whose types have a bound.</summary>
    public static RecordType CommonAttributes(IEnumerable<RecordType> records)
    {
        RecordType? result = null;
        foreach (var record in records)
        {
            if (result is null)
            {
                result = record;
                continue;
            }

            var attrs = new SortedDictionary<string, AttributeType>(StringComparer.Ordinal);
            foreach (var (name, attr) in result.Attributes)
            {
                if (record.Attributes.TryGetValue(name, out var other)
                    && LeastUpperBound(attr.Type, other.Type, out _) is { } bound)
                {
                    attrs[name] = new AttributeType(bound, attr.Required && other.Required);
                }
            }

            result = new RecordType(attrs, result.Open || record.Open || attrs.Count != result.Attributes.Count);
        }

        return result ?? RecordType.Empty;
    }

    private static RecordType? RecordBound(RecordType x, RecordType y, out string? reason)
    {
        reason = null;
        if (!SameKeys(x, y))
        {
            reason = "for strict validation, records must have the same attributes";
            return null;
        }

        var attrs = new SortedDictionary<string, AttributeType>(StringComparer.Ordinal);
        foreach (var (name, attr) in x.Attributes)
        {
            var other = y.Attributes[name];
            if (attr.Required != other.Required)
            {
                reason = $"attribute `{name}` is required in one record and optional in the other";
                return null;
            }

            var bound = LeastUpperBound(attr.Type, other.Type, out reason);
            if (bound is null)
            {
                return null;
            }

            attrs[name] = new AttributeType(bound, attr.Required);
        }

        return new RecordType(attrs, x.Open || y.Open);
    }

    private static bool SameKeys(RecordType a, RecordType b) =>
        a.Attributes.Count == b.Attributes.Count && a.Attributes.Keys.All(b.Attributes.ContainsKey);
}
