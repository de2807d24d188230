using System.Text.Json;

namespace Dome.Cedar.Json;

/// <summary>Shape checks shared by the reader.</summary>
internal static partial class EstJsonReader
{
    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static CedarJsonException Error(string path, string message) =>
        new(path.Length == 0 ? message : $"{message} (at `{path}`)");

    private static CedarJsonException Missing(string path, string field) => Error(path, $"missing field `{field}`");

    private static void RequireObject(JsonElement element, string path, string what) =>
        RequireKind(element, JsonValueKind.Object, path, what);

    private static void RequireKind(JsonElement element, JsonValueKind kind, string path, string what)
    {
        if (element.ValueKind == kind)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            throw Error(path, $"found a `null` where {what} was expected; json `null`s are not allowed in cedar");
        }

        throw Error(path, $"expected {what}, found `{Abbreviate(element.GetRawText())}`");
    }

    private static string ReadString(JsonElement element, string path)
    {
        RequireKind(element, JsonValueKind.String, path, "a string");
        return element.GetString()!;
    }

    /// <summary>Enumerates an object's properties, rejecting duplicate keys (JSON allows them; Cedar does not).</summary>
    private static List<JsonProperty> UniqueProperties(JsonElement element, string path)
    {
        var properties = new List<JsonProperty>();
        HashSet<string>? seen = null;
        foreach (var property in element.EnumerateObject())
        {
            seen ??= new HashSet<string>(StringComparer.Ordinal);
            if (!seen.Add(property.Name))
            {
                throw Error(path, $"duplicate key `{property.Name}`");
            }

            properties.Add(property);
        }

        return properties;
    }

    private static int CountProperties(JsonElement element)
    {
        var count = 0;
        foreach (var unused in element.EnumerateObject())
        {
            count++;
        }

        return count;
    }

    private static string Abbreviate(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
