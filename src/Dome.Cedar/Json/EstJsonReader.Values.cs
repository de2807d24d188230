using System.Text.Json;

namespace Dome.Cedar.Json;

/// <summary>The <c>"Value"</c> form: Cedar's JSON value encoding, with <c>__entity</c> and <c>__extn</c> escapes.</summary>
internal static partial class EstJsonReader
{
    /// <summary>
    /// Reads a JSON value: booleans, 64-bit integers and strings become <see cref="EstLiteral"/>;
    /// arrays become <see cref="EstSet"/>; <c>{"__entity": ...}</c> an entity literal;
    /// <c>{"__extn": {"fn": F, "arg": A}}</c> (or <c>"args"</c>) an <see cref="EstExtensionCall"/>;
    /// any other object an <see cref="EstRecord"/>.
    /// </summary>
    public static EstExpr ReadValue(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return new EstLiteral(true);
            case JsonValueKind.False:
                return new EstLiteral(false);
            case JsonValueKind.String:
                return new EstLiteral(element.GetString()!);
            case JsonValueKind.Number:
                return element.TryGetInt64(out var number)
                    ? new EstLiteral(number)
                    : throw Error(path, $"`{Abbreviate(element.GetRawText())}` is not a 64-bit integer; cedar numbers are integers");
            case JsonValueKind.Array:
                var elements = new List<EstExpr>(element.GetArrayLength());
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    elements.Add(ReadValue(item, $"{path}[{index++}]"));
                }

                return new EstSet(elements);
            case JsonValueKind.Object:
                return ReadObjectValue(element, path);
            default:
                throw Error(path, "found a `null`; json `null`s are not allowed in cedar");
        }
    }

    private static EstExpr ReadObjectValue(JsonElement element, string path)
    {
        // Like the reference: an object whose only field is `__entity` (with a type and id) or
        // `__extn` (with `fn` and `arg`/`args`) is an escape; any other object is an ordinary record.
        var properties = UniqueProperties(element, path);
        if (properties.Count == 1 && properties[0].Name == "__entity" && TryReadTypeAndId(properties[0].Value, Join(path, "__entity"), out var entity))
        {
            return new EstLiteral(entity);
        }

        if (properties.Count == 1 && properties[0].Name == "__extn" && IsExtensionEscape(properties[0].Value))
        {
            return ReadExtensionEscape(properties[0].Value, Join(path, "__extn"));
        }

        var fields = new List<KeyValuePair<string, EstExpr>>(properties.Count);
        foreach (var property in properties)
        {
            fields.Add(new(property.Name, ReadValue(property.Value, Join(path, property.Name))));
        }

        return new EstRecord(fields);
    }

    private static bool IsExtensionEscape(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("fn", out var function) && function.ValueKind == JsonValueKind.String
        && (element.TryGetProperty("arg", out _) || (element.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array));

    /// <summary>Reads <c>{"fn": F, "arg": A}</c> or <c>{"fn": F, "args": [...]}</c> (already checked by <see cref="IsExtensionEscape"/>).</summary>
    private static EstExtensionCall ReadExtensionEscape(JsonElement element, string path)
    {
        var function = element.GetProperty("fn").GetString()!;
        if (!EstExtensionCall.IsKnown(function))
        {
            throw Error(Join(path, "fn"), $"unknown extension function `{function}`");
        }

        if (element.TryGetProperty("arg", out var arg))
        {
            return new EstExtensionCall(function, [ReadValue(arg, Join(path, "arg"))]);
        }

        var arguments = new List<EstExpr>();
        var index = 0;
        foreach (var item in element.GetProperty("args").EnumerateArray())
        {
            arguments.Add(ReadValue(item, $"{path}.args[{index++}]"));
        }

        return new EstExtensionCall(function, arguments);
    }
}
