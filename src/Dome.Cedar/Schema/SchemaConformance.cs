using Dome.Cedar.Entities;
using Dome.Cedar.Evaluation;
using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Schema;

/// <summary>
/// Checks values, entities and requests against a schema: attribute types, required attributes, no undeclared
/// attributes in closed records, allowed parent types, tags, enumerated ids, and the action's principal, resource
/// and context types. Every check returns lowercase messages naming the offending input in backticks.
/// </summary>
internal static class SchemaConformance
{
    /// <summary>Why <paramref name="value"/> does not have <paramref name="type"/>, or null when it does.</summary>
    public static string? CheckValue(CedarSchema schema, CedarValue value, CedarType type, string where)
    {
        var work = new Stack<(CedarValue Value, CedarType Type, string Where)>();
        work.Push((value, type, where));
        while (work.Count > 0)
        {
            var (v, t, w) = work.Pop();
            string? problem = (v, t) switch
            {
                (BoolValue, BoolType) or (LongValue, LongType) or (StringValue, StringType) => null,
                (EntityValue e, EntityType et) => CheckEntityRef(schema, e.Uid, et, w),
                (ExtensionValue x, ExtensionType xt) => x.ExtensionType == xt.Name ? null : Mismatch(v, t, w),
                (SetValue s, SetType st) => Push(work, s.Items.Select(i => (i, st.Element, w))),
                (RecordValue r, RecordType rt) => CheckRecord(work, r, rt, w),
                _ => Mismatch(v, t, w),
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Problems with one entity read from JSON; empty when it conforms.</summary>
    public static List<string> CheckEntity(CedarSchema schema, Entity entity)
    {
        var problems = new List<string>();
        var uid = entity.Uid;
        if (schema.ActionTypes.Contains(uid.Type))
        {
            if (!schema.Actions.TryGetValue(new SchemaEntityUid(uid.Type, uid.Id), out var action))
            {
                problems.Add($"action `{uid}` is not declared in the schema");
            }
            else if (entity.Attributes.Count > 0 || entity.Tags.Count > 0 || !AncestorsOf(schema, entity.Parents).SetEquals(action.Ancestors))
            {
                problems.Add($"definition of action `{uid}` does not match its schema declaration");
            }

            return problems;
        }

        if (!schema.EntityTypes.TryGetValue(uid.Type, out var def))
        {
            problems.Add($"entity `{uid}` has type `{uid.Type}`, which is not declared in the schema");
            return problems;
        }

        if (def.EnumIds is { } ids && !ids.Contains(uid.Id))
        {
            problems.Add($"entity `{uid}` is not one of the declared ids of enumerated type `{uid.Type}`");
        }

        var record = RecordValue.Wrap(entity.Attributes);
        AddIfProblem(problems, CheckValue(schema, record, def.Attributes, $"in the attributes of `{uid}`"));
        foreach (var parent in entity.Parents)
        {
            if (!def.Parents.Contains(parent.Type))
            {
                problems.Add($"`{uid}` cannot have a parent of type `{parent.Type}` (parent `{parent}`) according to the schema");
            }
        }

        if (entity.Tags.Count > 0 && def.Tags is null)
        {
            problems.Add($"entity `{uid}` has tags, but its type `{uid.Type}` does not allow tags");
        }
        else if (def.Tags is not null)
        {
            foreach (var (key, value) in entity.Tags)
            {
                AddIfProblem(problems, CheckValue(schema, value, def.Tags, $"in tag `{key}` of `{uid}`"));
            }
        }

        return problems;
    }

    /// <summary>The given action groups and, through the schema, all the groups they are in.</summary>
    private static HashSet<SchemaEntityUid> AncestorsOf(CedarSchema schema, IEnumerable<EntityUid> parents)
    {
        var result = new HashSet<SchemaEntityUid>();
        foreach (var parent in parents)
        {
            var key = new SchemaEntityUid(parent.Type, parent.Id);
            result.Add(key);
            if (schema.Actions.TryGetValue(key, out var group))
            {
                result.UnionWith(group.Ancestors);
            }
        }

        return result;
    }

    /// <summary>Problems with a request; empty when the schema allows it.</summary>
    public static List<string> CheckRequest(CedarSchema schema, EntityUid principal, EntityUid action, EntityUid resource, RecordValue context)
    {
        var problems = new List<string>();
        if (!schema.Actions.TryGetValue(new SchemaEntityUid(action.Type, action.Id), out var def))
        {
            problems.Add($"request's action `{action}` is not declared in the schema");
            return problems;
        }

        CheckRequestEntity(schema, principal, def.PrincipalTypes, "principal", action, problems);
        CheckRequestEntity(schema, resource, def.ResourceTypes, "resource", action, problems);
        AddIfProblem(problems, CheckValue(schema, context, def.Context, $"in the context for action `{action}`"));
        return problems;
    }

    private static void CheckRequestEntity(
        CedarSchema schema, EntityUid uid, IReadOnlyList<string> allowed, string role, EntityUid action, List<string> problems)
    {
        if (!schema.EntityTypes.TryGetValue(uid.Type, out var def))
        {
            problems.Add($"{role} type `{uid.Type}` is not declared in the schema");
        }
        else if (!allowed.Contains(uid.Type))
        {
            problems.Add($"{role} type `{uid.Type}` is not valid for action `{action}`");
        }
        else if (def.EnumIds is { } ids && !ids.Contains(uid.Id))
        {
            problems.Add($"{role} `{uid}` is not one of the declared ids of enumerated type `{uid.Type}`");
        }
    }

    private static string? CheckEntityRef(CedarSchema schema, EntityUid uid, EntityType type, string where)
    {
        if (type.Names is { } names && !names.Contains(uid.Type))
        {
            return $"expected an entity of type `{type.Display}` {where}, found `{uid}`";
        }

        return schema.EntityTypes.TryGetValue(uid.Type, out var def) && def.EnumIds is { } ids && !ids.Contains(uid.Id)
            ? $"`{uid}` {where} is not one of the declared ids of enumerated type `{uid.Type}`"
            : null;
    }

    private static string? CheckRecord(Stack<(CedarValue, CedarType, string)> work, RecordValue record, RecordType type, string where)
    {
        foreach (var (name, attr) in type.Attributes)
        {
            if (record.TryGet(name, out var value))
            {
                work.Push((value, attr.Type, $"{where}, attribute `{name}`"));
            }
            else if (attr.Required)
            {
                return $"required attribute `{name}` is missing {where}";
            }
        }

        if (!type.Open)
        {
            foreach (var name in record.Attributes.Keys)
            {
                if (!type.Attributes.ContainsKey(name))
                {
                    return $"attribute `{name}` {where} is not declared in the schema";
                }
            }
        }

        return null;
    }

    private static string? Push(Stack<(CedarValue, CedarType, string)> work, IEnumerable<(CedarValue, CedarType, string)> items)
    {
        foreach (var item in items)
        {
            work.Push(item);
        }

        return null;
    }

    private static string Mismatch(CedarValue value, CedarType type, string where)
    {
        string shown = value.ToString();
        if (shown.Length > 80)
        {
            shown = shown[..80] + "...";
        }

        return $"expected a value of type `{type.Display}` {where}, found `{shown}`";
    }

    private static void AddIfProblem(List<string> problems, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
