using System.Text.Json;
using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Entities;

/// <summary>
/// Reads Cedar values from JSON: bools, integers, strings, arrays (sets), objects (records), and the escapes
/// `{"__entity": {"type", "id"}}` and `{"__extn": {"fn", "arg" | "args"}}`. With a <see cref="ValueShape"/> from a
/// schema, the implicit forms are accepted too (`{"type","id"}`, `{"fn","arg"}`, or a plain string for an extension).
/// </summary>
internal static class JsonValueReader
{
    public const int MaxDepth = 64;

    public static CedarValue Read(JsonElement json, ValueShape? shape, string where) => Read(json, shape ?? ValueShape.Any, where, 0);

    public static EntityUid ReadUid(JsonElement json, string where)
    {
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("__entity", out var inner))
        {
            json = inner;
        }

        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !json.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            throw new CedarParseException($"expected an entity uid `{{\"type\": ..., \"id\": ...}}` {where}, found `{Shorten(json)}`");
        }

        string typeName = type.GetString()!;
        if (!Json.CedarNames.IsName(typeName))
        {
            throw new CedarParseException($"`{typeName}` {where} is not a valid entity type name (identifiers joined by `::`, no reserved words)");
        }

        return new EntityUid(typeName, id.GetString()!);
    }

    private static CedarValue Read(JsonElement json, ValueShape shape, string where, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new CedarParseException($"value {where} is nested more than {MaxDepth} levels deep");
        }

        switch (json.ValueKind)
        {
            case JsonValueKind.True:
                return BoolValue.True;
            case JsonValueKind.False:
                return BoolValue.False;
            case JsonValueKind.Number:
                return json.TryGetInt64(out long n)
                    ? LongValue.Of(n)
                    : throw new CedarParseException($"number `{json.GetRawText()}` {where} is not a 64-bit integer");
            case JsonValueKind.String:
                if (shape.Kind == ValueShapeKind.Extension && shape.Name is not null)
                {
                    return Construct(ConstructorOf(shape.Name), [new StringValue(json.GetString()!)], where);
                }

                return new StringValue(json.GetString()!);
            case JsonValueKind.Array:
                {
                    var element = shape.Kind == ValueShapeKind.Set ? shape.Element ?? ValueShape.Any : ValueShape.Any;
                    var items = new CedarValue[json.GetArrayLength()];
                    int i = 0;
                    foreach (var item in json.EnumerateArray())
                    {
                        items[i++] = Read(item, element, where, depth + 1);
                    }

                    return SetValue.FromArray(items);
                }

            case JsonValueKind.Object:
                return ReadObject(json, shape, where, depth);
            default:
                throw new CedarParseException($"unexpected JSON `{Shorten(json)}` {where}: Cedar has no null");
        }
    }

    private static CedarValue ReadObject(JsonElement json, ValueShape shape, string where, int depth)
    {
        if (json.TryGetProperty("__entity", out _))
        {
            return new EntityValue(ReadUid(json, where));
        }

        if (json.TryGetProperty("__extn", out var extn))
        {
            return ReadExtension(extn, where, depth);
        }

        if (json.TryGetProperty("__expr", out _))
        {
            throw new CedarParseException($"the `__expr` escape {where} is no longer supported; use `__entity` or `__extn`");
        }

        if (shape.Kind == ValueShapeKind.Entity)
        {
            return new EntityValue(ReadUid(json, where));
        }

        if (shape.Kind == ValueShapeKind.Extension && json.TryGetProperty("fn", out _))
        {
            return ReadExtension(json, where, depth);
        }

        var attributes = new Dictionary<string, CedarValue>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            ValueShape attributeShape = ValueShape.Any;
            if (shape.Kind == ValueShapeKind.Record && shape.Attributes is not null)
            {
                attributeShape = shape.Attributes.GetValueOrDefault(property.Name) ?? ValueShape.Any;
            }

            if (!attributes.TryAdd(property.Name, Read(property.Value, attributeShape, where, depth + 1)))
            {
                throw new CedarParseException($"duplicate key `{property.Name}` in record {where}");
            }
        }

        return RecordValue.Wrap(attributes);
    }

    private static CedarValue ReadExtension(JsonElement extn, string where, int depth)
    {
        if (extn.ValueKind != JsonValueKind.Object || !extn.TryGetProperty("fn", out var fn) || fn.ValueKind != JsonValueKind.String)
        {
            throw new CedarParseException($"expected `{{\"fn\": ..., \"arg\": ...}}` in extension value {where}, found `{Shorten(extn)}`");
        }

        CedarValue[] args;
        if (extn.TryGetProperty("arg", out var arg))
        {
            args = [Read(arg, ValueShape.Any, where, depth + 1)];
        }
        else if (extn.TryGetProperty("args", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            args = new CedarValue[list.GetArrayLength()];
            int i = 0;
            foreach (var item in list.EnumerateArray())
            {
                args[i++] = Read(item, ValueShape.Any, where, depth + 1);
            }
        }
        else
        {
            throw new CedarParseException($"extension value {where} needs `arg` or `args`");
        }

        return Construct(fn.GetString()!, args, where);
    }

    private static CedarValue Construct(string function, CedarValue[] args, string where)
    {
        try
        {
            return ExtensionFunctions.Construct(function, args);
        }
        catch (EvaluationException e)
        {
            throw new CedarParseException($"invalid extension value {where}: {e.Message}");
        }
    }

    private static string ConstructorOf(string extensionType) => extensionType == "ipaddr" ? "ip" : extensionType;

    private static string Shorten(JsonElement json)
    {
        string text = json.GetRawText();
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
