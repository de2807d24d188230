namespace Dome.Cedar.Schema.Types;

/// <summary>
/// A resolved Cedar type. Schemas produce Bool, Long, String, Set, Record, Entity and Extension types; the
/// validator also uses the singleton booleans, unions of entity types and <see cref="NeverType"/>.
/// </summary>
public abstract record CedarType
{
    /// <summary>The type as it reads in an error message.</summary>
    public abstract string Display { get; }

    /// <inheritdoc />
    public sealed override string ToString() => Display;
}
