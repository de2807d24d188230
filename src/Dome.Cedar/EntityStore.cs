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
    private static readonly Dictionary<EntityUid, Entity> NoEntities = [];

    private readonly Dictionary<EntityUid, Entity> entities;

    // :: A combined store (see Combine) keeps its flat parts and searches them in order; a flat store has none.
    private readonly EntityStore[]? parts;

    // :: Parents named by this store's entities that it does not define (what another part could extend).
    private EntityUid[] danglingParents = [];

    private EntityStore(Dictionary<EntityUid, Entity> entities)
    {
        this.entities = entities;
        ComputeAncestors();
    }

    private EntityStore(EntityStore[] parts)
    {
        entities = NoEntities;
        this.parts = parts;
    }

    /// <summary>A store with no entities.</summary>
    public static EntityStore Empty { get; } = new(new Dictionary<EntityUid, Entity>());

    /// <summary>The number of entities.</summary>
    public int Count
    {
        get
        {
            if (parts is null)
            {
                return entities.Count;
            }

            int count = 0;
            foreach (var part in parts)
            {
                count += part.entities.Count;
            }

            return count;
        }
    }

    /// <summary>
    /// Reads Cedar's entities JSON: an array of `{"uid": {"type", "id"}, "attrs": {...}, "parents": [uids], "tags": {...}}`.
    /// </summary>
    /// <exception cref="CedarParseException">The JSON is malformed or is not valid Cedar entity data.</exception>
    public static EntityStore FromJson(string json) => FromJson(json, null);

    /// <summary>Whether an entity with <paramref name="uid"/> is in the store.</summary>
    public bool Contains(EntityUid uid) => TryGet(uid, out _);

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

    /// <summary>
    /// One store holding the entities of <paramref name="stores"/>, which must be disjoint: it decides exactly as one store
    /// built from all their entities would. Stores that only share leaf entities (parents none of them extends) are used as
    /// they are, without copying, so a caller can keep the parts that rarely change and combine them per request.
    /// </summary>
    /// <exception cref="ArgumentException">Two stores hold an entity with the same uid.</exception>
    /// <exception cref="CedarParseException">The combined hierarchy has a cycle.</exception>
    public static EntityStore Combine(params ReadOnlySpan<EntityStore> stores)
    {
        int count = 0;
        foreach (var store in stores)
        {
            ArgumentNullException.ThrowIfNull(store, nameof(stores));
            count += store.parts?.Length ?? 1;
        }

        var all = new EntityStore[count];
        int n = 0;
        foreach (var store in stores)
        {
            if (store.parts is { } nested)
            {
                nested.CopyTo(all, n);
                n += nested.Length;
            }
            else
            {
                all[n++] = store;
            }
        }

        return Extends(all) ? Flatten(all) : new EntityStore(all);
    }

    internal static EntityStore Create(Dictionary<EntityUid, Entity> entities) => new(entities);

    /// <summary>
    /// Whether a part names as parent an entity another part defines with parents of its own: then the ancestors computed
    /// per part are incomplete. A parent defined elsewhere without parents adds nothing (the part already lists it).
    /// </summary>
    private static bool Extends(EntityStore[] parts)
    {
        for (int i = 0; i < parts.Length; i++)
        {
            foreach (var uid in parts[i].entities.Keys)
            {
                for (int j = i + 1; j < parts.Length; j++)
                {
                    if (parts[j].entities.ContainsKey(uid))
                    {
                        throw new ArgumentException($"duplicate entity `{uid}`", nameof(parts));
                    }
                }
            }

            foreach (var parent in parts[i].danglingParents)
            {
                for (int j = 0; j < parts.Length; j++)
                {
                    if (j != i && parts[j].entities.TryGetValue(parent, out var defined) && defined.Parents.Length > 0)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static EntityStore Flatten(EntityStore[] parts)
    {
        var map = new Dictionary<EntityUid, Entity>();
        foreach (var part in parts)
        {
            foreach (var entity in part.entities.Values)
            {
                map.Add(entity.Uid, new Entity(entity.Uid, entity.Attributes, entity.Parents, entity.Tags));
            }
        }

        return new EntityStore(map);
    }

    internal bool TryGet(EntityUid uid, [MaybeNullWhen(false)] out Entity entity)
    {
        if (parts is null)
        {
            return entities.TryGetValue(uid, out entity);
        }

        foreach (var part in parts)
        {
            if (part.entities.TryGetValue(uid, out entity))
            {
                return true;
            }
        }

        entity = null;
        return false;
    }

    internal IReadOnlySet<EntityUid>? AncestorsOf(EntityUid uid) => TryGet(uid, out var e) ? e.Ancestors : null;

    private void ComputeAncestors()
    {
        // :: Iterative depth-first search per entity; an entity whose closure is already complete contributes it whole.
        // Entities without parents need neither (and a store of only those allocates nothing here).
        HashSet<EntityUid>? done = null;
        Stack<EntityUid>? stack = null;
        List<EntityUid>? dangling = null;
        foreach (var entity in entities.Values)
        {
            if (entity.Parents.Length == 0)
            {
                done?.Add(entity.Uid);
                continue;
            }

            if (done is null)
            {
                done = [];
                stack = new Stack<EntityUid>();
                foreach (var other in entities.Values)
                {
                    if (other.Parents.Length == 0)
                    {
                        done.Add(other.Uid);
                    }
                }
            }

            foreach (var p in entity.Parents)
            {
                if (!entities.ContainsKey(p) && (dangling ??= []).IndexOf(p) < 0)
                {
                    dangling.Add(p);
                }
            }

            var ancestors = new HashSet<EntityUid>();
            foreach (var p in entity.Parents)
            {
                stack!.Push(p);
            }

            while (stack!.Count > 0)
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

        if (dangling is not null)
        {
            danglingParents = dangling.ToArray();
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
