using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Entities;

/// <summary>One entity: uid, attributes, direct parents, all ancestors (transitive, computed once by the store) and tags.</summary>
internal sealed class Entity(EntityUid uid, Dictionary<string, CedarValue> attributes, EntityUid[] parents, Dictionary<string, CedarValue> tags)
{
    private static readonly HashSet<EntityUid> NoAncestors = [];

    public EntityUid Uid { get; } = uid;

    public Dictionary<string, CedarValue> Attributes { get; } = attributes;

    public EntityUid[] Parents { get; } = parents;

    public Dictionary<string, CedarValue> Tags { get; } = tags;

    public HashSet<EntityUid> Ancestors { get; internal set; } = NoAncestors;
}
