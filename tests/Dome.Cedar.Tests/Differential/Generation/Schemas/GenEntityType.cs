namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>
/// An entity type of a generated schema: its fully qualified name, the types it may be a member of,
/// its shape (a record, possibly through a common type), tags, or the ids of an enumerated type.
/// </summary>
internal sealed record GenEntityType
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Parents { get; init; } = [];

    /// <summary>The shape: a <see cref="GenRecord"/> or a <see cref="GenCommonRef"/> to one; null when there is none.</summary>
    public GenType? Shape { get; init; }

    public GenType? Tags { get; init; }

    /// <summary>The ids of an enumerated entity type (which has no shape, parents or tags); null otherwise.</summary>
    public IReadOnlyList<string>? EnumIds { get; init; }

    /// <summary>The shape's attributes (none when there is no shape).</summary>
    public IReadOnlyList<GenAttribute> Attributes => (Shape?.Resolved as GenRecord)?.Attributes ?? [];
}
