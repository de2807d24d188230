using Dome.Cedar.Syntax;

namespace Dome.Cedar;

/// <summary>An entity's unique id: its type (e.g. `Dome::Agent`) and its id string.</summary>
public sealed class EntityUid : IEquatable<EntityUid>
{
    private readonly int hash;

    /// <summary>Creates the uid `Type::"Id"`.</summary>
    public EntityUid(string type, string id)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(id);
        Type = type;
        Id = id;
        hash = HashCode.Combine(StringComparer.Ordinal.GetHashCode(type), StringComparer.Ordinal.GetHashCode(id));
    }

    /// <summary>The entity type name, namespaces joined with `::`.</summary>
    public string Type { get; }

    /// <summary>The entity id.</summary>
    public string Id { get; }

    /// <summary>Parses Cedar uid syntax such as `Dome::Agent::"a-1"`.</summary>
    public static EntityUid Parse(string text) => Parser.ParseEntityUid(text);

    /// <inheritdoc/>
    public bool Equals(EntityUid? other) =>
        ReferenceEquals(this, other) || (other is not null && other.hash == hash && other.Id == Id && other.Type == Type);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EntityUid);

    /// <inheritdoc/>
    public override int GetHashCode() => hash;

    /// <summary>Cedar syntax: `Type::"id"`.</summary>
    public override string ToString() => Type + "::" + StringEscapes.Quote(Id);
}
