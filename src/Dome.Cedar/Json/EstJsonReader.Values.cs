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
        var properties = UniqueProperties(element, path);
        if (properties.Count == 1 && properties[0].Name == "__entity")
        {
            return new EstLiteral(ReadEntityRef(properties[0].Value, Join(path, "__entity")));
        }

        if (properties.Count == 1 && properties[0].Name == "__extn")
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

    private static EstExtensionCall ReadExtensionEscape(JsonElement element, string path)
    {
        RequireObject(element, path, "an `__extn` object");
        string? function = null;
        List<EstExpr>? arguments = null;
        foreach (var property in UniqueProperties(element, path))
        {
            var at = Join(path, property.Name);
            switch (property.Name)
            {
                case "fn":
                    function = ReadString(property.Value, at);
                    break;
                case "arg" when arguments is null:
                    arguments = [ReadValue(property.Value, at)];
                    break;
                case "args" when arguments is null:
                    RequireKind(property.Value, JsonValueKind.Array, at, "an array of arguments");
                    arguments = [];
                    var index = 0;
                    foreach (var item in property.Value.EnumerateArray())
                    {
                        arguments.Add(ReadValue(item, $"{at}[{index++}]"));
                    }

                    break;
                default:
                    throw Error(path, $"unexpected field `{property.Name}` in `__extn`, expected `fn` and one of `arg` or `args`");
            }
        }

        if (function is null)
        {
            throw Missing(path, "fn");
        }

        if (!EstExtensionCall.IsKnown(function))
        {
            throw Error(Join(path, "fn"), $"unknown extension function `{function}`");
        }

        return new EstExtensionCall(function, arguments ?? throw Missing(path, "arg"));
    }
}
