using System.Globalization;
using System.Text.Json;
using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Entities;

/// <summary>
/// Reads one entity object of Cedar's entities JSON: `uid`, `attrs` and `parents` are required (as in the reference),
/// `tags` is optional.
/// </summary>
internal static class EntityJsonReader
{
    public static Entity Read(JsonElement item, int index, ISchemaShapes? schema)
    {
        string at = "entity #" + index.ToString(CultureInfo.InvariantCulture);
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new CedarParseException($"{at} must be a JSON object");
        }

        if (!item.TryGetProperty("uid", out var uidJson))
        {
            throw new CedarParseException($"{at} has no `uid`");
        }

        var uid = JsonValueReader.ReadUid(uidJson, "in `uid` of " + at);
        string where = $"of entity `{uid}`";
        if (!item.TryGetProperty("attrs", out var attrs))
        {
            throw new CedarParseException($"entity `{uid}` has no `attrs` (use `{{}}` for none)");
        }

        if (!item.TryGetProperty("parents", out var parentsJson))
        {
            throw new CedarParseException($"entity `{uid}` has no `parents` (use `[]` for none)");
        }

        var attributes = ReadMap(attrs, "attribute", where, schema?.EntityAttributes(uid.Type), perKey: true);
        var tags = item.TryGetProperty("tags", out var tagsJson)
            ? ReadMap(tagsJson, "tag", where, schema?.EntityTags(uid.Type), perKey: false)
            : new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        return new Entity(uid, attributes, ReadParents(parentsJson, where), tags);
    }

    /// <summary>Reads `attrs` (each key has its own shape in the record shape) or `tags` (one shape for all values).</summary>
    private static Dictionary<string, CedarValue> ReadMap(JsonElement json, string kind, string where, ValueShape? shape, bool perKey)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new CedarParseException($"`{(perKey ? "attrs" : "tags")}` {where} must be an object");
        }

        var map = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            var valueShape = perKey ? shape?.Attributes?.GetValueOrDefault(property.Name) : shape;
            var value = JsonValueReader.Read(property.Value, valueShape, $"in {kind} `{property.Name}` {where}");
            if (!map.TryAdd(property.Name, value))
            {
                throw new CedarParseException($"duplicate {kind} `{property.Name}` {where}");
            }
        }

        return map;
    }

    private static EntityUid[] ReadParents(JsonElement json, string where)
    {
        if (json.ValueKind != JsonValueKind.Array)
        {
            throw new CedarParseException($"`parents` {where} must be an array");
        }

        var parents = new List<EntityUid>();
        foreach (var p in json.EnumerateArray())
        {
            parents.Add(JsonValueReader.ReadUid(p, "in `parents` " + where));
        }

        return parents.Distinct().ToArray();
    }
}
