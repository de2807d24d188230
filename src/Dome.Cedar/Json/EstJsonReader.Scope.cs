using System.Text.Json;

namespace Dome.Cedar.Json;

/// <summary>
/// Scope constraints and entity references. Like the reference, these objects are read by their
/// <c>op</c> and the fields it needs; other fields are ignored, and where two alternatives are
/// present the first one (<c>entity</c> before <c>slot</c> or <c>entities</c>) wins.
/// </summary>
internal static partial class EstJsonReader
{
    private enum ScopeKind
    {
        Principal,
        Action,
        Resource,
    }

    private static EstScope ReadScope(JsonElement element, string path, ScopeKind kind)
    {
        RequireObject(element, path, "a scope constraint");
        var op = element.TryGetProperty("op", out var opElement) ? ReadString(opElement, Join(path, "op")) : throw Missing(path, "op");
        var hasEntity = element.TryGetProperty("entity", out var entityElement);
        var hasSlot = element.TryGetProperty("slot", out var slotElement);
        EstScope scope;
        switch (op)
        {
            case "All" or "all":
                return EstScope.All;
            case "==" or "in" when hasEntity:
                scope = new EstScope { Op = op == "==" ? EstScopeOp.Equal : EstScopeOp.In, Entity = ReadEntityRef(entityElement, Join(path, "entity")) };
                break;
            case "in" when kind == ScopeKind.Action && element.TryGetProperty("entities", out var list):
                var at = Join(path, "entities");
                RequireKind(list, JsonValueKind.Array, at, "an array of entities");
                var entities = new List<EstEntityRef>();
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    entities.Add(ReadEntityRef(item, $"{at}[{index++}]"));
                }

                scope = new EstScope { Op = EstScopeOp.In, Entities = entities };
                break;
            case "==" or "in" when hasSlot && kind == ScopeKind.Action:
                throw Error(path, "slots are not allowed for actions");
            case "==" or "in" when hasSlot:
                scope = new EstScope { Op = op == "==" ? EstScopeOp.Equal : EstScopeOp.In, Slot = ReadSlot(slotElement, Join(path, "slot"), kind) };
                break;
            case "==" or "in":
                throw Error(path, $"a `{op}` constraint needs `entity`{(kind == ScopeKind.Action ? (op == "in" ? " or `entities`" : string.Empty) : " or `slot`")}");
            case "is" when kind != ScopeKind.Action:
                // Unlike the other operators, the reference rejects unknown fields here.
                foreach (var property in UniqueProperties(element, path))
                {
                    if (property.Name is not ("op" or "entity_type" or "in"))
                    {
                        throw Error(path, $"unknown field `{property.Name}`, expected `entity_type` or `in`");
                    }
                }

                var type = element.TryGetProperty("entity_type", out var typeElement)
                    ? RequireName(ReadString(typeElement, Join(path, "entity_type")), Join(path, "entity_type"))
                    : throw Missing(path, "entity_type");
                if (!element.TryGetProperty("in", out var inElement))
                {
                    return new EstScope { Op = EstScopeOp.Is, EntityType = type };
                }

                var (inEntity, inSlot) = ReadInTarget(inElement, Join(path, "in"), kind);
                return new EstScope { Op = EstScopeOp.Is, EntityType = type, Entity = inEntity, Slot = inSlot };
            default:
                throw Error(Join(path, "op"), $"unknown {Describe(kind)} constraint operator `{op}`, expected one of `All`, `==`, `in`{(kind == ScopeKind.Action ? string.Empty : ", `is`")}");
        }

        if (kind == ScopeKind.Action)
        {
            foreach (var action in scope.Entities ?? [scope.Entity!])
            {
                if (!CedarNames.IsActionType(action.Type))
                {
                    throw Error(path, $"expected an entity uid with type `Action` but got `{action.Type}::\"{action.Id}\"`");
                }
            }
        }

        return scope;
    }

    private static (EstEntityRef? Entity, string? Slot) ReadInTarget(JsonElement element, string path, ScopeKind kind)
    {
        RequireObject(element, path, "an `in` target");
        if (element.TryGetProperty("entity", out var entity))
        {
            return (ReadEntityRef(entity, Join(path, "entity")), null);
        }

        return element.TryGetProperty("slot", out var slot)
            ? (null, ReadSlot(slot, Join(path, "slot"), kind))
            : throw Error(path, "an `in` target needs `entity` or `slot`");
    }

    private static string ReadSlot(JsonElement element, string path, ScopeKind kind)
    {
        var name = ReadString(element, path);
        var expected = kind == ScopeKind.Principal ? "?principal" : "?resource";
        return name == expected
            ? name
            : throw Error(path, $"invalid slot `{name}` in a {Describe(kind)} constraint, expected `{expected}`");
    }

    /// <summary>
    /// Reads <c>{"__entity": {"type": T, "id": I}}</c> or <c>{"type": T, "id": I}</c>; other fields are ignored.
    /// </summary>
    public static EstEntityRef ReadEntityRef(JsonElement element, string path)
    {
        RequireObject(element, path, "an entity reference");
        if (TryReadEntityRef(element, path, out var entity))
        {
            return entity;
        }

        if (element.TryGetProperty("type", out var type) && type.ValueKind != JsonValueKind.String)
        {
            throw Error(Join(path, "type"), $"expected a string, found `{Abbreviate(type.GetRawText())}`");
        }

        throw Missing(path, element.TryGetProperty("type", out _) ? "id" : "type");
    }

    /// <summary>The entity reference in <paramref name="element"/> (an <c>__entity</c> escape or a bare type and id), or false.</summary>
    private static bool TryReadEntityRef(JsonElement element, string path, out EstEntityRef entity)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("__entity", out var inner)
            && TryReadTypeAndId(inner, Join(path, "__entity"), out entity))
        {
            return true;
        }

        return TryReadTypeAndId(element, path, out entity);
    }

    /// <summary>Reads <c>{"type": T, "id": I}</c>, ignoring other fields; false when it has no such shape.</summary>
    private static bool TryReadTypeAndId(JsonElement element, string path, out EstEntityRef entity)
    {
        entity = null!;
        if (element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            entity = new EstEntityRef(RequireName(type.GetString()!, Join(path, "type")), id.GetString()!);
            return true;
        }

        return false;
    }

    private static string RequireName(string name, string path) =>
        CedarNames.IsName(name) ? name : throw Error(path, $"invalid entity type `{name}`");

    private static string Describe(ScopeKind kind) => kind switch
    {
        ScopeKind.Principal => "principal",
        ScopeKind.Action => "action",
        _ => "resource",
    };
}
