using Dome.Cedar.Syntax;

namespace Dome.Cedar.Validation;

/// <summary>An immutable set of <see cref="Capability"/> facts (small; compared structurally).</summary>
internal sealed class CapabilitySet
{
    public static readonly CapabilitySet Empty = new([]);

    private readonly Capability[] _items;

    private CapabilitySet(Capability[] items) => _items = items;

    public static CapabilitySet Attribute(Expr target, string attribute) => new([new Capability(target, attribute, null)]);

    public static CapabilitySet Tag(Expr target, Expr key) => new([new Capability(target, null, key)]);

    public bool HasAttribute(Expr target, string attribute) => _items.Any(c => c.Matches(target, attribute, null));

    public bool HasTag(Expr target, Expr key) => _items.Any(c => c.Matches(target, null, key));

    public CapabilitySet Union(CapabilitySet other)
    {
        if (other._items.Length == 0)
        {
            return this;
        }

        if (_items.Length == 0)
        {
            return other;
        }

        var items = _items.ToList();
        foreach (var item in other._items)
        {
            if (!items.Exists(c => c.Matches(item.Target, item.Attribute, item.TagKey)))
            {
                items.Add(item);
            }
        }

        return new CapabilitySet([.. items]);
    }

    public CapabilitySet Intersect(CapabilitySet other)
    {
        var items = _items.Where(c => other._items.Any(o => o.Matches(c.Target, c.Attribute, c.TagKey))).ToArray();
        return items.Length == 0 ? Empty : new CapabilitySet(items);
    }
}
