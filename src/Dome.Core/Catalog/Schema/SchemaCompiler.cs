using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dome.Core.Catalog.Schema;

/// <summary>Turns schema JSON into a <see cref="SchemaNode"/>, rejecting what it cannot enforce.</summary>
internal static class SchemaCompiler
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "$ref", "$dynamicRef", "$recursiveRef", "patternProperties", "propertyNames", "if", "then", "else",
        "prefixItems", "contains", "minContains", "maxContains", "dependentRequired", "dependentSchemas",
        "dependencies", "unevaluatedProperties", "unevaluatedItems", "additionalItems",
    };

    public static bool TryCompile(JsonElement schema, string at, int depth, [NotNullWhen(true)] out SchemaNode? node, [NotNullWhen(false)] out string? problem)
    {
        node = null;
        if (depth > JsonSchema.MaxDepth)
        {
            problem = $"the schema nests deeper than {JsonSchema.MaxDepth} levels at `{at}`";
            return false;
        }

        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            node = schema.ValueKind == JsonValueKind.True ? SchemaNode.Everything : SchemaNode.Nothing;
            problem = null;
            return true;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            problem = $"the schema at `{at}` must be an object or a boolean";
            return false;
        }

        try
        {
            node = Compile(schema, at, depth);
            problem = null;
            return true;
        }
        catch (SchemaProblem e)
        {
            problem = e.Message;
            return false;
        }
    }

    private static SchemaNode Compile(JsonElement schema, string at, int depth)
    {
        foreach (var property in schema.EnumerateObject())
        {
            if (Unsupported.Contains(property.Name))
            {
                throw new SchemaProblem($"the keyword `{property.Name}` at `{at}` is not supported; inline the schema it refers to or drop the constraint");
            }
        }

        var types = Types(schema, at);
        if (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True && types != SchemaTypes.Any)
        {
            types |= SchemaTypes.Null;
        }

        return new SchemaNode
        {
            Types = types,
            Properties = Properties(schema, at, depth),
            Required = Required(schema, at),
            AdditionalProperties = Optional(schema, "additionalProperties", at, depth),
            MinProperties = Count(schema, "minProperties", at),
            MaxProperties = Count(schema, "maxProperties", at),
            Enum = Enum(schema, at),
            Const = schema.TryGetProperty("const", out var constant) ? constant.Clone() : null,
            Items = Optional(schema, "items", at, depth),
            MinItems = Count(schema, "minItems", at),
            MaxItems = Count(schema, "maxItems", at),
            UniqueItems = schema.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True,
            Minimum = Number(schema, "minimum", at),
            Maximum = Number(schema, "maximum", at),
            ExclusiveMinimum = Exclusive(schema, "exclusiveMinimum", "minimum", at),
            ExclusiveMaximum = Exclusive(schema, "exclusiveMaximum", "maximum", at),
            MultipleOf = Positive(schema, "multipleOf", at),
            MinLength = Count(schema, "minLength", at),
            MaxLength = Count(schema, "maxLength", at),
            Pattern = Pattern(schema, at),
            AllOf = List(schema, "allOf", at, depth),
            AnyOf = List(schema, "anyOf", at, depth),
            OneOf = List(schema, "oneOf", at, depth),
            Not = Optional(schema, "not", at, depth),
        };
    }

    private static SchemaTypes Types(JsonElement schema, string at)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return SchemaTypes.Any;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return TypeOf(type.GetString()!, at);
        }

        if (type.ValueKind != JsonValueKind.Array || type.GetArrayLength() == 0)
        {
            throw new SchemaProblem($"`type` at `{at}` must be a type name or a non-empty list of them");
        }

        var types = SchemaTypes.None;
        foreach (var item in type.EnumerateArray())
        {
            types |= item.ValueKind == JsonValueKind.String ? TypeOf(item.GetString()!, at) : throw new SchemaProblem($"`type` at `{at}` must list type names");
        }

        return types;
    }

    private static SchemaTypes TypeOf(string name, string at) => name switch
    {
        "null" => SchemaTypes.Null,
        "boolean" => SchemaTypes.Boolean,
        "object" => SchemaTypes.Object,
        "array" => SchemaTypes.Array,
        "number" => SchemaTypes.Number,
        "integer" => SchemaTypes.Integer,
        "string" => SchemaTypes.String,
        _ => throw new SchemaProblem($"unknown type `{name}` at `{at}`: use null, boolean, object, array, number, integer or string"),
    };

    private static Dictionary<string, SchemaNode>? Properties(JsonElement schema, string at, int depth)
    {
        if (!schema.TryGetProperty("properties", out var properties))
        {
            return null;
        }

        if (properties.ValueKind != JsonValueKind.Object)
        {
            throw new SchemaProblem($"`properties` at `{at}` must be an object");
        }

        var nodes = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        foreach (var property in properties.EnumerateObject())
        {
            nodes[property.Name] = Sub(property.Value, at + ".properties." + property.Name, depth);
        }

        return nodes;
    }

    private static string[] Required(JsonElement schema, string at)
    {
        if (!schema.TryGetProperty("required", out var required))
        {
            return [];
        }

        if (required.ValueKind != JsonValueKind.Array || required.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String))
        {
            throw new SchemaProblem($"`required` at `{at}` must be a list of property names");
        }

        return required.EnumerateArray().Select(r => r.GetString()!).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static JsonElement[]? Enum(JsonElement schema, string at)
    {
        if (!schema.TryGetProperty("enum", out var values))
        {
            return null;
        }

        return values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0
            ? values.EnumerateArray().Select(v => v.Clone()).ToArray()
            : throw new SchemaProblem($"`enum` at `{at}` must be a non-empty list");
    }

    private static SchemaNode? Optional(JsonElement schema, string keyword, string at, int depth) =>
        schema.TryGetProperty(keyword, out var sub) ? Sub(sub, at + "." + keyword, depth) : null;

    private static SchemaNode[]? List(JsonElement schema, string keyword, string at, int depth)
    {
        if (!schema.TryGetProperty(keyword, out var list))
        {
            return null;
        }

        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw new SchemaProblem($"`{keyword}` at `{at}` must be a non-empty list of schemas");
        }

        return list.EnumerateArray().Select((s, i) => Sub(s, $"{at}.{keyword}[{i}]", depth)).ToArray();
    }

    private static SchemaNode Sub(JsonElement schema, string at, int depth) =>
        TryCompile(schema, at, depth + 1, out var node, out var problem) ? node : throw new SchemaProblem(problem);

    private static int? Count(JsonElement schema, string keyword, string at)
    {
        if (!schema.TryGetProperty(keyword, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0
            ? count
            : throw new SchemaProblem($"`{keyword}` at `{at}` must be a non-negative integer");
    }

    private static decimal? Number(JsonElement schema, string keyword, string at)
    {
        if (!schema.TryGetProperty(keyword, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : throw new SchemaProblem($"`{keyword}` at `{at}` must be a number");
    }

    private static decimal? Positive(JsonElement schema, string keyword, string at) =>
        Number(schema, keyword, at) is { } value && value <= 0 ? throw new SchemaProblem($"`{keyword}` at `{at}` must be greater than 0") : Number(schema, keyword, at);

    /// <summary>3.1: <c>exclusiveMinimum: 5</c>; 3.0: <c>minimum: 5, exclusiveMinimum: true</c>.</summary>
    private static decimal? Exclusive(JsonElement schema, string keyword, string bound, string at)
    {
        if (!schema.TryGetProperty(keyword, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => Number(schema, bound, at) ?? throw new SchemaProblem($"`{keyword}: true` at `{at}` needs `{bound}`"),
            JsonValueKind.False => null,
            _ => Number(schema, keyword, at),
        };
    }

    private static Regex? Pattern(JsonElement schema, string at)
    {
        if (!schema.TryGetProperty("pattern", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new SchemaProblem($"`pattern` at `{at}` must be a string");
        }

        var pattern = value.GetString()!;
        try
        {
            // Linear-time matching when the pattern allows it; otherwise backtracking under a time bound.
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return Backtracking(pattern, at);
        }
        catch (ArgumentException)
        {
            return Backtracking(pattern, at);
        }
    }

    private static Regex Backtracking(string pattern, string at)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            throw new SchemaProblem($"`pattern` at `{at}` is not a valid regular expression");
        }
    }

    private sealed class SchemaProblem(string message) : Exception(message);
}
