using Dome.Cedar.Schema;
using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Validation;

/// <summary>The questions the validator asks of a schema, with the answers that need the hierarchies precomputed.</summary>
internal sealed class SchemaView
{
    private readonly HashSet<(string Descendant, string Ancestor)> _actionTypeEdges = [];

    public SchemaView(CedarSchema schema)
    {
        Schema = schema;
        foreach (var action in schema.Actions.Values)
        {
            foreach (var ancestor in action.Ancestors)
            {
                _actionTypeEdges.Add((action.Uid.Type, ancestor.Type));
            }
        }
    }

    public CedarSchema Schema { get; }

    /// <summary>Cedar treats every type whose last name component is <c>Action</c> as an action type.</summary>
    public static bool IsActionType(string type) => type == "Action" || type.EndsWith("::Action", StringComparison.Ordinal);

    public bool IsKnownEntityType(string type) => Schema.IsKnownEntityType(type);

    public bool IsKnownAction(EntityUid uid) => Schema.Actions.ContainsKey(Key(uid));

    public static SchemaEntityUid Key(EntityUid uid) => new(uid.Type, uid.Id);

    /// <summary>The type of an entity literal, or null when its type (or action) is not declared.</summary>
    public CedarType? LiteralType(EntityUid uid)
    {
        if (IsActionType(uid.Type))
        {
            return IsKnownAction(uid) ? new EntityType(uid.Type) : null;
        }

        return Schema.EntityTypes.ContainsKey(uid.Type) ? new EntityType(uid.Type) : null;
    }

    /// <summary>The declared attributes of an entity type (action types and unknown types have none).</summary>
    public RecordType AttributesOf(string type) =>
        Schema.EntityTypes.TryGetValue(type, out var def) ? def.Attributes : RecordType.Empty;

    /// <summary>Whether an entity of type <paramref name="lhs"/> may be in an entity of type <paramref name="rhs"/>.</summary>
    public bool MayBeIn(string lhs, string rhs)
    {
        if (lhs == rhs)
        {
            return true;
        }

        if (Schema.EntityTypes.TryGetValue(rhs, out var def) && def.Descendants.Contains(lhs))
        {
            return true;
        }

        return _actionTypeEdges.Contains((lhs, rhs));
    }

    /// <summary>Whether action <paramref name="lhs"/> is any of <paramref name="rhs"/> or in one of their groups; null if one is undeclared.</summary>
    public bool? ActionIn(EntityUid lhs, IEnumerable<EntityUid> rhs)
    {
        bool found = false;
        Schema.Actions.TryGetValue(Key(lhs), out var lhsDef);
        foreach (var group in rhs)
        {
            var key = Key(group);
            if (!Schema.Actions.ContainsKey(key))
            {
                return null;
            }

            if (lhs.Equals(group) || (lhsDef is not null && lhsDef.Ancestors.Contains(key)))
            {
                found = true;
            }
        }

        return found;
    }
}
