using System.Text.Json;

namespace Dome.Cedar.Json;

/// <summary>Scope constraints and entity references.</summary>
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
        string? op = null;
        EstEntityRef? entity = null;
        string? slot = null;
        List<EstEntityRef>? entities = null;
        string? entityType = null;
        (EstEntityRef? Entity, string? Slot)? inPart = null;
        foreach (var property in UniqueProperties(element, path))
        {
            var at = Join(path, property.Name);
            switch (property.Name)
            {
                case "op":
                    op = ReadString(property.Value, at);
                    break;
                case "entity":
                    entity = ReadEntityRef(property.Value, at);
                    break;
                case "slot":
                    slot = ReadString(property.Value, at);
                    break;
                case "entities" when kind == ScopeKind.Action:
                    RequireKind(property.Value, JsonValueKind.Array, at, "an array of entities");
                    entities = [];
                    var index = 0;
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        entities.Add(ReadEntityRef(item, $"{at}[{index++}]"));
                    }

                    break;
                case "entity_type" when kind != ScopeKind.Action:
                    entityType = ReadString(property.Value, at);
                    break;
                case "in" when kind != ScopeKind.Action:
                    inPart = ReadInTarget(property.Value, at);
                    break;
                default:
                    throw Error(path, $"unexpected field `{property.Name}` in a {Describe(kind)} constraint");
            }
        }

        var scope = op switch
        {
            null => throw Missing(path, "op"),
            "All" or "all" => EstScope.All,
            "==" or "in" when kind == ScopeKind.Action && slot is not null => throw Error(path, "slots are not allowed for actions"),
            "in" when kind == ScopeKind.Action && entities is not null && entity is null => new EstScope { Op = EstScopeOp.In, Entities = entities },
            "==" or "in" when entities is null && entityType is null && inPart is null && (entity is null) != (slot is null) =>
                new EstScope { Op = op == "==" ? EstScopeOp.Equal : EstScopeOp.In, Entity = entity, Slot = slot },
            "==" or "in" => throw Error(path, $"a `{op}` constraint needs exactly one of `entity` or `slot`{(kind == ScopeKind.Action && op == "in" ? " or `entities`" : string.Empty)}"),
            "is" when kind != ScopeKind.Action && entityType is not null && entity is null && slot is null =>
                new EstScope { Op = EstScopeOp.Is, EntityType = RequireName(entityType, Join(path, "entity_type")), Entity = inPart?.Entity, Slot = inPart?.Slot },
            "is" when kind != ScopeKind.Action => throw Error(path, "an `is` constraint needs `entity_type` and optionally `in`"),
            _ => throw Error(Join(path, "op"), $"unknown {Describe(kind)} constraint operator `{op}`, expected one of `All`, `==`, `in`{(kind == ScopeKind.Action ? string.Empty : ", `is`")}"),
        };

        if (scope.Slot is { } name && name != (kind == ScopeKind.Principal ? "?principal" : "?resource"))
        {
            throw Error(path, $"invalid slot `{name}` in a {Describe(kind)} constraint, expected `{(kind == ScopeKind.Principal ? "?principal" : "?resource")}`");
        }

        if (kind == ScopeKind.Action)
        {
            foreach (var action in scope.Entities ?? (scope.Entity is null ? [] : [scope.Entity]))
            {
                if (!CedarNames.IsActionType(action.Type))
                {
                    throw Error(path, $"expected an entity uid with type `Action` but got `{action.Type}::\"{action.Id}\"`");
                }
            }
        }

        return scope;
    }

    private static (EstEntityRef? Entity, string? Slot) ReadInTarget(JsonElement element, string path)
    {
        RequireObject(element, path, "an `in` target");
        EstEntityRef? entity = null;
        string? slot = null;
        foreach (var property in UniqueProperties(element, path))
        {
            switch (property.Name)
            {
                case "entity":
                    entity = ReadEntityRef(property.Value, Join(path, "entity"));
                    break;
                case "slot":
                    slot = ReadString(property.Value, Join(path, "slot"));
                    break;
                default:
                    throw Error(path, $"unknown field `{property.Name}`, expected `entity` or `slot`");
            }
        }

        return (entity is null) != (slot is null) ? (entity, slot) : throw Error(path, "an `in` target needs exactly one of `entity` or `slot`");
    }

    /// <summary>Reads <c>{"type": T, "id": I}</c> or <c>{"__entity": {"type": T, "id": I}}</c>.</summary>
    public static EstEntityRef ReadEntityRef(JsonElement element, string path)
    {
        RequireObject(element, path, "an entity reference");
        if (element.TryGetProperty("__entity", out var inner))
        {
            if (CountProperties(element) != 1)
            {
                throw Error(path, "an `__entity` escape must have no other fields");
            }

            return ReadEntityRef(inner, Join(path, "__entity"));
        }

        string? type = null, id = null;
        foreach (var property in UniqueProperties(element, path))
        {
            switch (property.Name)
            {
                case "type":
                    type = ReadString(property.Value, Join(path, "type"));
                    break;
                case "id":
                    id = ReadString(property.Value, Join(path, "id"));
                    break;
                default:
                    throw Error(path, $"unknown field `{property.Name}` in an entity reference, expected `type` and `id`");
            }
        }

        return new EstEntityRef(RequireName(type ?? throw Missing(path, "type"), Join(path, "type")), id ?? throw Missing(path, "id"));
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
