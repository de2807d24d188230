using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Schema;

/// <summary>A resolved entity type: qualified name, attributes, parent types, tags and (for enums) its ids.</summary>
public sealed record EntityTypeDefinition
{
    /// <summary>The fully qualified name, e.g. <c>NS::User</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The shape: a record type (closed unless the JSON schema said <c>additionalAttributes</c>).</summary>
    public required RecordType Attributes { get; init; }

    /// <summary>Entity types an entity of this type may be a direct member of.</summary>
    public required IReadOnlyList<string> Parents { get; init; }

    /// <summary>Entity types (this one excluded unless through a cycle) whose entities may be, transitively, members of this type.</summary>
    public required IReadOnlySet<string> Descendants { get; init; }

    /// <summary>The type of tag values, or null when the type has no tags.</summary>
    public CedarType? Tags { get; init; }

    /// <summary>The allowed entity ids of an enumerated entity type, or null.</summary>
    public IReadOnlyList<string>? EnumIds { get; init; }

    /// <summary>The declaration's annotations.</summary>
    public required IReadOnlyDictionary<string, string> Annotations { get; init; }
}
