using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Dome.Core.Catalog.OpenApi;

/// <summary>
/// Writes an OpenAPI schema (references already resolved by the reader) as the plain JSON schema Dome validates:
/// references are inlined, so a recursive schema is cut at <see cref="MaxDepth"/> levels, below which any value is
/// accepted and the upstream's own validation applies.
/// </summary>
internal static class SchemaConverter
{
    public const int MaxDepth = 12;

    public static JsonObject Convert(IOpenApiSchema? schema, int depth = 0)
    {
        var json = new JsonObject();
        if (schema is null || depth > MaxDepth)
        {
            return json;
        }

        if (schema.Type is { } type)
        {
            var names = TypeNames(type);
            json["type"] = names.Count == 1 ? names[0] : new JsonArray(names.Select(n => (JsonNode?)n).ToArray());
        }

        if (!string.IsNullOrEmpty(schema.Description))
        {
            json["description"] = schema.Description;
        }

        if (!string.IsNullOrEmpty(schema.Format))
        {
            json["format"] = schema.Format;
        }

        if (schema.Properties is { Count: > 0 } properties)
        {
            var converted = new JsonObject();
            foreach (var (name, property) in properties)
            {
                if (property.ReadOnly)
                {
                    continue;
                }

                converted[name] = Convert(property, depth + 1);
            }

            json["properties"] = converted;
        }

        if (schema.Required is { Count: > 0 } required)
        {
            var writable = required.Where(r => schema.Properties is null || !schema.Properties.TryGetValue(r, out var p) || !p.ReadOnly);
            json["required"] = new JsonArray(writable.Select(r => (JsonNode?)r).ToArray());
        }

        if (schema.AdditionalProperties is { } additional)
        {
            json["additionalProperties"] = Convert(additional, depth + 1);
        }
        else if (!schema.AdditionalPropertiesAllowed)
        {
            json["additionalProperties"] = false;
        }

        if (schema.Items is { } items)
        {
            json["items"] = Convert(items, depth + 1);
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            json["enum"] = new JsonArray(values.Select(v => v?.DeepClone()).ToArray());
        }

        Number(json, "minimum", schema.Minimum);
        Number(json, "maximum", schema.Maximum);
        Number(json, "exclusiveMinimum", schema.ExclusiveMinimum);
        Number(json, "exclusiveMaximum", schema.ExclusiveMaximum);
        Count(json, "minLength", schema.MinLength);
        Count(json, "maxLength", schema.MaxLength);
        Count(json, "minItems", schema.MinItems);
        Count(json, "maxItems", schema.MaxItems);
        Count(json, "minProperties", schema.MinProperties);
        Count(json, "maxProperties", schema.MaxProperties);
        if (schema.MultipleOf is { } multiple)
        {
            json["multipleOf"] = multiple;
        }

        if (schema.UniqueItems == true)
        {
            json["uniqueItems"] = true;
        }

        if (!string.IsNullOrEmpty(schema.Pattern))
        {
            json["pattern"] = schema.Pattern;
        }

        List(json, "allOf", schema.AllOf, depth);
        List(json, "anyOf", schema.AnyOf, depth);
        List(json, "oneOf", schema.OneOf, depth);
        if (schema.Not is { } not)
        {
            json["not"] = Convert(not, depth + 1);
        }

        return json;
    }

    private static List<string> TypeNames(JsonSchemaType type)
    {
        var names = new List<string>();
        foreach (var (flag, name) in new[]
        {
            (JsonSchemaType.Object, "object"), (JsonSchemaType.Array, "array"), (JsonSchemaType.String, "string"),
            (JsonSchemaType.Integer, "integer"), (JsonSchemaType.Number, "number"), (JsonSchemaType.Boolean, "boolean"),
            (JsonSchemaType.Null, "null"),
        })
        {
            if (type.HasFlag(flag))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static void Number(JsonObject json, string keyword, string? value)
    {
        if (!string.IsNullOrEmpty(value) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            json[keyword] = number;
        }
    }

    private static void Count(JsonObject json, string keyword, int? value)
    {
        if (value is { } count)
        {
            json[keyword] = count;
        }
    }

    private static void List(JsonObject json, string keyword, IList<IOpenApiSchema>? schemas, int depth)
    {
        if (schemas is { Count: > 0 })
        {
            json[keyword] = new JsonArray(schemas.Select(s => (JsonNode?)Convert(s, depth + 1)).ToArray());
        }
    }
}
