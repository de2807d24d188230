using System.Text.Json;

namespace Dome.Cedar.Json;

/// <summary>Expressions: each is a JSON object with exactly one key naming its kind.</summary>
internal static partial class EstJsonReader
{
    /// <summary>Reads one expression object.</summary>
    public static EstExpr ReadExpr(JsonElement element, string path, int depth)
    {
        RequireObject(element, path, "an expression object");
        JsonProperty single = default;
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (++count == 2)
            {
                throw Error(path, $"an expression object must have exactly one key, found `{single.Name}` and `{property.Name}`");
            }

            single = property;
        }

        if (count == 0)
        {
            throw Error(path, "an expression object must have exactly one key, found none");
        }

        var key = single.Name;
        var body = single.Value;
        var at = Join(path, key);
        switch (key)
        {
            case "Value":
                return ReadValue(body, at);
            case "Var":
                var name = ReadString(body, at);
                return EstVariable.Names.Contains(name)
                    ? new EstVariable(name)
                    : throw Error(at, $"unknown variable `{name}`, expected one of `principal`, `action`, `resource`, `context`");
            case "Slot":
                throw Error(at, $"template slot `{(body.ValueKind == JsonValueKind.String ? body.GetString() : body.GetRawText())}` may only appear in the scope, not in a condition");
            case "unknown" when body.ValueKind == JsonValueKind.Array:
                return ReadCall(key, body, at, depth);
            case ".":
                Expect(body, at, ["left", "attr"]);
                return new EstGetAttribute(Field(body, at, "left", depth), FieldString(body, at, "attr", ["left", "attr"]));
            case "has":
                return ReadHas(body, at, depth);
            case "like":
                return ReadLike(body, at, depth);
            case "is":
                return ReadIs(body, at, depth);
            case "if-then-else":
                Expect(body, at, ["if", "then", "else"]);
                return new EstIfThenElse(Field(body, at, "if", depth), Field(body, at, "then", depth), Field(body, at, "else", depth));
            case "Set":
                RequireKind(body, JsonValueKind.Array, at, "an array of expressions");
                var elements = new List<EstExpr>(body.GetArrayLength());
                var index = 0;
                foreach (var item in body.EnumerateArray())
                {
                    elements.Add(ReadExpr(item, $"{at}[{index++}]", depth + 1));
                }

                return new EstSet(elements);
            case "Record":
                RequireObject(body, at, "an object of expressions");
                var fields = new List<KeyValuePair<string, EstExpr>>();
                foreach (var property in UniqueProperties(body, at))
                {
                    fields.Add(new(property.Name, ReadExpr(property.Value, Join(at, property.Name), depth + 1)));
                }

                return new EstRecord(fields);
        }

        if (EstUnary.Ops.Contains(key))
        {
            Expect(body, at, ["arg"]);
            return new EstUnary(key, Field(body, at, "arg", depth));
        }

        if (EstBinary.Ops.Contains(key))
        {
            Expect(body, at, ["left", "right"]);
            return new EstBinary(key, Field(body, at, "left", depth), Field(body, at, "right", depth));
        }

        if (EstExtensionCall.IsKnown(key))
        {
            return ReadCall(key, body, at, depth);
        }

        throw Error(path, $"unknown expression kind `{key}`");
    }

    private static EstExtensionCall ReadCall(string function, JsonElement body, string path, int depth)
    {
        RequireKind(body, JsonValueKind.Array, path, "an array of arguments");
        var arguments = new List<EstExpr>(body.GetArrayLength());
        var index = 0;
        foreach (var item in body.EnumerateArray())
        {
            arguments.Add(ReadExpr(item, $"{path}[{index++}]", depth + 1));
        }

        return new EstExtensionCall(function, arguments);
    }

    private static EstHasAttribute ReadHas(JsonElement body, string path, int depth)
    {
        Expect(body, path, ["left", "attr"]);
        var left = Field(body, path, "left", depth);
        if (!body.TryGetProperty("attr", out var attr))
        {
            throw Missing(path, "attr");
        }

        var at = Join(path, "attr");
        if (attr.ValueKind == JsonValueKind.String)
        {
            return new EstHasAttribute(left, [attr.GetString()!]);
        }

        RequireKind(attr, JsonValueKind.Array, at, "a string or a non-empty array of strings");
        var names = new List<string>();
        var index = 0;
        foreach (var item in attr.EnumerateArray())
        {
            names.Add(ReadString(item, $"{at}[{index++}]"));
        }

        return names.Count > 0 ? new EstHasAttribute(left, names) : throw Error(at, "a `has` path must name at least one attribute");
    }

    private static EstLike ReadLike(JsonElement body, string path, int depth)
    {
        Expect(body, path, ["left", "pattern"]);
        var left = Field(body, path, "left", depth);
        if (!body.TryGetProperty("pattern", out var pattern))
        {
            throw Missing(path, "pattern");
        }

        var at = Join(path, "pattern");
        RequireKind(pattern, JsonValueKind.Array, at, "an array of pattern elements");
        var elements = new List<EstPatternElement>();
        var index = 0;
        foreach (var item in pattern.EnumerateArray())
        {
            var itemPath = $"{at}[{index++}]";
            if (item.ValueKind == JsonValueKind.String && item.GetString() == "Wildcard")
            {
                elements.Add(EstPatternElement.Wildcard);
                continue;
            }

            if (item.ValueKind != JsonValueKind.Object || CountProperties(item) != 1 || !item.TryGetProperty("Literal", out var literal))
            {
                throw Error(itemPath, $"expected `\"Wildcard\"` or `{{\"Literal\": ...}}`, found `{Abbreviate(item.GetRawText())}`");
            }

            elements.Add(new EstPatternElement(false, ReadString(literal, Join(itemPath, "Literal"))));
        }

        return new EstLike(left, elements);
    }

    private static EstIs ReadIs(JsonElement body, string path, int depth)
    {
        Expect(body, path, ["left", "entity_type", "in"]);
        var left = Field(body, path, "left", depth);
        var type = RequireName(FieldString(body, path, "entity_type", ["left", "entity_type", "in"]), Join(path, "entity_type"));
        var inExpr = body.TryGetProperty("in", out _) ? Field(body, path, "in", depth) : null;
        return new EstIs(left, type, inExpr);
    }

    private static EstExpr Field(JsonElement body, string path, string name, int depth)
    {
        RequireObject(body, path, $"an object with `{name}`");
        return body.TryGetProperty(name, out var value) ? ReadExpr(value, Join(path, name), depth + 1) : throw Missing(path, name);
    }

    private static string FieldString(JsonElement body, string path, string name, string[] allowed)
    {
        Expect(body, path, allowed);
        return body.TryGetProperty(name, out var value) ? ReadString(value, Join(path, name)) : throw Missing(path, name);
    }

    /// <summary>Rejects fields outside <paramref name="allowed"/> and duplicate keys.</summary>
    private static void Expect(JsonElement body, string path, string[] allowed)
    {
        RequireObject(body, path, $"an object with {string.Join(", ", allowed.Select(a => $"`{a}`"))}");
        foreach (var property in UniqueProperties(body, path))
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw Error(path, $"unknown field `{property.Name}`, expected {string.Join(" or ", allowed.Select(a => $"`{a}`"))}");
            }
        }
    }
}
