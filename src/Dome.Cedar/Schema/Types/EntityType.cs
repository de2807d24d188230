namespace Dome.Cedar.Schema.Types;

/// <summary>
/// An entity type, or the union (least upper bound) of several; <see cref="Names"/> null means any entity
/// (used for unspecified entities and in permissive checks).
/// </summary>
public sealed record EntityType : CedarType
{
    /// <summary>Creates a union of the given entity type names.</summary>
    public EntityType(IEnumerable<string>? names)
    {
        Names = names is null ? null : new SortedSet<string>(names, StringComparer.Ordinal);
    }

    /// <summary>Creates the type of one entity type.</summary>
    public EntityType(string name)
        : this([name])
    {
    }

    /// <summary>The type names in the union, or null for any entity.</summary>
    public IReadOnlySet<string>? Names { get; }

    /// <inheritdoc />
    public override string Display => Names is null ? "entity" : string.Join(" | ", Names);

    /// <summary>Structural equality over the names.</summary>
    public bool Equals(EntityType? other) =>
        other is not null && (Names is null ? other.Names is null : other.Names is not null && Names.SetEquals(other.Names));

    /// <inheritdoc />
    public override int GetHashCode() => Names?.Count ?? -1;
}
