using System.Globalization;
using System.Text.Json;
using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Entities;

/// <summary>
/// Reads one entity object of Cedar's entities JSON: `uid` is required; `attrs`, `parents` and `tags` default to empty.
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
        // :: The reference requires `attrs` and `parents`; Dome reads a missing one as empty (other components' test data
        // omit them). A present one must be an object / array: `null` is refused, as in the reference.
        var attributes = item.TryGetProperty("attrs", out var attrs)
            ? ReadMap(attrs, "attribute", where, schema?.EntityAttributes(uid.Type), perKey: true)
            : new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        var parents = item.TryGetProperty("parents", out var parentsJson) ? ReadParents(parentsJson, where) : [];
        var tags = item.TryGetProperty("tags", out var tagsJson)
            ? ReadMap(tagsJson, "tag", where, schema?.EntityTags(uid.Type), perKey: false)
            : new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        return new Entity(uid, attributes, parents, tags);
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
