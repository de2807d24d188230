using Dome.Cedar.Entities;
using Dome.Cedar.Evaluation;

namespace Dome.Cedar;

/// <summary>
/// Builds an <see cref="EntityStore"/> from values directly, for callers that know their entities as objects (the
/// gateway, per call) and would otherwise write Cedar's entities JSON only to have it parsed again. The store it
/// builds is the one <see cref="EntityStore.FromJson(string)"/> would build from the same entities.
/// </summary>
public sealed class EntityStoreBuilder
{
    private static readonly Dictionary<string, CedarValue> NoTags = new(StringComparer.Ordinal);

    private readonly Dictionary<EntityUid, Entity> entities;

    public EntityStoreBuilder(int capacity = 8) => entities = new Dictionary<EntityUid, Entity>(capacity);

    /// <summary>Adds an entity with its direct parents and attributes (the builder takes the attribute dictionary).</summary>
    /// <exception cref="ArgumentException">An entity with <paramref name="uid"/> was already added.</exception>
    public EntityStoreBuilder Add(EntityUid uid, Dictionary<string, CedarValue> attributes, params EntityUid[] parents)
    {
        ArgumentNullException.ThrowIfNull(uid);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(parents);
        if (!entities.TryAdd(uid, new Entity(uid, attributes, parents, NoTags)))
        {
            throw new ArgumentException($"duplicate entity `{uid}`", nameof(uid));
        }

        return this;
    }

    /// <summary>The store (ancestors computed once); the builder can go on to build another.</summary>
    public EntityStore Build() => EntityStore.Create(new Dictionary<EntityUid, Entity>(entities));
}
