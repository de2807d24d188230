using System.Globalization;
using System.Text.Json;
using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Entities;

/// <summary>Reads one entity object of Cedar's entities JSON.</summary>
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

        var attributes = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        if (item.TryGetProperty("attrs", out var attrs) && attrs.ValueKind != JsonValueKind.Null)
        {
            if (attrs.ValueKind != JsonValueKind.Object)
            {
                throw new CedarParseException($"`attrs` {where} must be an object");
            }

            var shape = schema?.EntityAttributes(uid.Type);
            foreach (var property in attrs.EnumerateObject())
            {
                var attributeShape = shape?.Attributes?.GetValueOrDefault(property.Name);
                var value = JsonValueReader.Read(property.Value, attributeShape, $"in attribute `{property.Name}` {where}");
                if (!attributes.TryAdd(property.Name, value))
                {
                    throw new CedarParseException($"duplicate attribute `{property.Name}` {where}");
                }
            }
        }

        var parents = new List<EntityUid>();
        if (item.TryGetProperty("parents", out var parentsJson) && parentsJson.ValueKind != JsonValueKind.Null)
        {
            if (parentsJson.ValueKind != JsonValueKind.Array)
            {
                throw new CedarParseException($"`parents` {where} must be an array");
            }

            foreach (var p in parentsJson.EnumerateArray())
            {
                parents.Add(JsonValueReader.ReadUid(p, "in `parents` " + where));
            }
        }

        var tags = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        if (item.TryGetProperty("tags", out var tagsJson) && tagsJson.ValueKind != JsonValueKind.Null)
        {
            if (tagsJson.ValueKind != JsonValueKind.Object)
            {
                throw new CedarParseException($"`tags` {where} must be an object");
            }

            var shape = schema?.EntityTags(uid.Type);
            foreach (var property in tagsJson.EnumerateObject())
            {
                var value = JsonValueReader.Read(property.Value, shape, $"in tag `{property.Name}` {where}");
                if (!tags.TryAdd(property.Name, value))
                {
                    throw new CedarParseException($"duplicate tag `{property.Name}` {where}");
                }
            }
        }

        return new Entity(uid, attributes, parents.Distinct().ToArray(), tags);
    }
}
