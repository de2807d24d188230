using System.Text.Json;
using Dome.Cedar.Schema.Model;

namespace Dome.Cedar.Schema.Json;

/// <summary>Shape checks shared by the JSON schema reader.</summary>
internal sealed partial class SchemaJsonReader
{
    private static Dictionary<string, JsonElement> Fields(JsonElement element, string path, string[] known, string what)
    {
        RequireKind(element, JsonValueKind.Object, path, what);
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                string expected = string.Join(", ", known.Select(k => $"`{k}`"));
                throw Error($"unknown field `{property.Name}`, expected one of {expected}", path);
            }

            fields[property.Name] = property.Value;
        }

        return fields;
    }

    private static JsonElement Required(Dictionary<string, JsonElement> fields, string name, string path) =>
        fields.TryGetValue(name, out var value) ? value : throw Error($"missing field `{name}`", path);

    private static IEnumerable<JsonProperty> Members(JsonElement element, string path)
    {
        RequireKind(element, JsonValueKind.Object, path, "an object");
        var seen = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.ContainsKey(property.Name))
            {
                order.Add(property.Name);
            }

            seen[property.Name] = property;
        }

        return order.Select(name => seen[name]);
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, string path)
    {
        RequireKind(element, JsonValueKind.Array, path, "an array");
        return element.EnumerateArray();
    }

    private static List<string> StringArray(JsonElement element, string path)
    {
        var list = new List<string>();
        int i = 0;
        foreach (var item in Items(element, path))
        {
            list.Add(String(item, $"{path}[{i++}]"));
        }

        return list;
    }

    private static string String(JsonElement element, string path)
    {
        RequireKind(element, JsonValueKind.String, path, "a string");
        return element.GetString()!;
    }

    private static bool Bool(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error($"expected a boolean, found {Describe(element)}", path),
    };

    private static List<SchemaAnnotation> ReadAnnotations(Dictionary<string, JsonElement> fields, string path)
    {
        var annotations = new List<SchemaAnnotation>();
        if (fields.TryGetValue("annotations", out var element))
        {
            foreach (var property in Members(element, $"{path}.annotations"))
            {
                string value = property.Value.ValueKind == JsonValueKind.Null
                    ? string.Empty
                    : String(property.Value, $"{path}.annotations[{Quote(property.Name)}]");
                annotations.Add(new SchemaAnnotation(property.Name, value));
            }
        }

        return annotations;
    }

    private static void RequireKind(JsonElement element, JsonValueKind kind, string path, string what)
    {
        if (element.ValueKind != kind)
        {
            throw Error($"expected {what}, found {Describe(element)}", path);
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string `{Shorten(element.GetString()!)}`",
        JsonValueKind.Number => $"the number `{element.GetRawText()}`",
        JsonValueKind.True => "`true`",
        JsonValueKind.False => "`false`",
        _ => "`null`",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";

    private static string Quote(string name) => "\"" + Shorten(name).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static CedarSchemaException Error(string message, string path) =>
        new(new SchemaDiagnostic(message, null, path));
}
