using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Dome.Cedar.Entities;
using Dome.Cedar.Evaluation;

namespace Dome.Cedar;

/// <summary>
/// The entities a request is evaluated against. Ancestors (the transitive closure of `parents`) are computed once when the
/// store is built (the hierarchy must be acyclic); an entity missing from the store has no attributes, tags or ancestors.
/// Immutable and thread-safe.
/// </summary>
public sealed class EntityStore
{
    private readonly Dictionary<EntityUid, Entity> entities;

    private EntityStore(Dictionary<EntityUid, Entity> entities)
    {
        this.entities = entities;
        ComputeAncestors();
    }

    /// <summary>A store with no entities.</summary>
    public static EntityStore Empty { get; } = new(new Dictionary<EntityUid, Entity>());

    /// <summary>The number of entities.</summary>
    public int Count => entities.Count;

    /// <summary>
    /// Reads Cedar's entities JSON: an array of `{"uid": {"type", "id"}, "attrs": {...}, "parents": [uids], "tags": {...}}`.
    /// </summary>
    /// <exception cref="CedarParseException">The JSON is malformed or is not valid Cedar entity data.</exception>
    public static EntityStore FromJson(string json) => FromJson(json, null);

    /// <summary>Whether an entity with <paramref name="uid"/> is in the store.</summary>
    public bool Contains(EntityUid uid) => entities.ContainsKey(uid);

    internal static EntityStore FromJson(string json, ISchemaShapes? schema)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = JsonValueReader.MaxDepth + 16 });
        }
        catch (JsonException e)
        {
            throw new CedarParseException($"entities are not valid JSON: {e.Message}");
        }

        using (document)
        {
            return FromJson(document.RootElement, schema);
        }
    }

    internal static EntityStore FromJson(JsonElement root, ISchemaShapes? schema)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new CedarParseException("entities JSON must be an array of entity objects");
        }

        var map = new Dictionary<EntityUid, Entity>();
        int index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var entity = EntityJsonReader.Read(item, index++, schema);
            if (!map.TryAdd(entity.Uid, entity))
            {
                throw new CedarParseException($"duplicate entity `{entity.Uid}` in entities JSON");
            }
        }

        if (schema is not null)
        {
            foreach (var (uid, parents) in schema.ActionEntities())
            {
                if (map.TryGetValue(uid, out var existing))
                {
                    map[uid] = new Entity(uid, existing.Attributes, existing.Parents.Union(parents).ToArray(), existing.Tags);
                }
                else
                {
                    map[uid] = new Entity(uid, new Dictionary<string, CedarValue>(StringComparer.Ordinal), parents, new Dictionary<string, CedarValue>(StringComparer.Ordinal));
                }
            }
        }

        return new EntityStore(map);
    }

    internal static EntityStore Create(Dictionary<EntityUid, Entity> entities) => new(entities);

    internal bool TryGet(EntityUid uid, [MaybeNullWhen(false)] out Entity entity) => entities.TryGetValue(uid, out entity);

    internal IReadOnlySet<EntityUid>? AncestorsOf(EntityUid uid) => entities.TryGetValue(uid, out var e) ? e.Ancestors : null;

    private void ComputeAncestors()
    {
        // :: Iterative depth-first search per entity; an entity whose closure is already complete contributes it whole.
        var done = new HashSet<EntityUid>();
        var stack = new Stack<EntityUid>();
        foreach (var entity in entities.Values)
        {
            if (entity.Parents.Length == 0)
            {
                done.Add(entity.Uid);
                continue;
            }

            var ancestors = new HashSet<EntityUid>();
            foreach (var p in entity.Parents)
            {
                stack.Push(p);
            }

            while (stack.Count > 0)
            {
                var uid = stack.Pop();
                if (!ancestors.Add(uid) || !entities.TryGetValue(uid, out var parent))
                {
                    continue;
                }

                if (done.Contains(uid))
                {
                    ancestors.UnionWith(parent.Ancestors);
                    continue;
                }

                foreach (var p in parent.Parents)
                {
                    stack.Push(p);
                }
            }

            entity.Ancestors = ancestors;
            done.Add(entity.Uid);
        }

        // :: Like Cedar, the hierarchy must be acyclic: an entity that is its own ancestor is an error.
        foreach (var entity in entities.Values)
        {
            if (entity.Ancestors.Contains(entity.Uid))
            {
                throw new CedarParseException($"the entity hierarchy has a cycle containing `{entity.Uid}`");
            }
        }
    }
}
