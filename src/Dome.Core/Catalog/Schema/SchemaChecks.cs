using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dome.Core.Catalog.Schema;

/// <summary>The keyword checks of <see cref="SchemaNode"/>, by instance kind.</summary>
internal static class SchemaChecks
{
    public static bool Object(SchemaNode node, JsonElement instance, string? path, List<SchemaViolation>? violations, int max)
    {
        var valid = true;
        var required = node.Required;
        for (var i = 0; i < required.Count; i++)
        {
            var name = required[i];
            if (!instance.TryGetProperty(name, out _))
            {
                valid = SchemaNode.Fail(violations, max, path, $"the required property `{name}` is missing");
                if (violations is null)
                {
                    return false;
                }
            }
        }

        var count = 0;
        foreach (var property in instance.EnumerateObject())
        {
            count++;
            var childPath = violations is null ? null : Child(path ?? "$", property.Name);
            if (node.PropertiesByName is { } properties && TryGetSchema(properties, property, out var schema))
            {
                valid &= schema.Validate(property.Value, childPath, violations, max);
            }
            else if (node.AdditionalProperties is { AcceptsNothing: true })
            {
                valid = SchemaNode.Fail(violations, max, path, $"the property `{Printable(property.Name)}` is not allowed");
            }
            else if (node.AdditionalProperties is { } additional)
            {
                valid &= additional.Validate(property.Value, childPath, violations, max);
            }

            if (!valid && violations is null)
            {
                return false;
            }
        }

        if (count < node.MinProperties)
        {
            valid = SchemaNode.Fail(violations, max, path, $"must have at least {node.MinProperties} properties");
        }

        if (count > node.MaxProperties)
        {
            valid = SchemaNode.Fail(violations, max, path, $"must have at most {node.MaxProperties} properties");
        }

        return valid;
    }

    public static bool Array(SchemaNode node, JsonElement instance, string? path, List<SchemaViolation>? violations, int max)
    {
        var valid = true;
        var length = instance.GetArrayLength();
        if (length < node.MinItems)
        {
            valid = SchemaNode.Fail(violations, max, path, $"must have at least {node.MinItems} items");
        }

        if (length > node.MaxItems)
        {
            valid = SchemaNode.Fail(violations, max, path, $"must have at most {node.MaxItems} items");
        }

        if (!valid && violations is null)
        {
            return false;
        }

        if (node.Items is { } items)
        {
            var index = 0;
            foreach (var item in instance.EnumerateArray())
            {
                valid &= items.Validate(item, violations is null ? null : path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", violations, max);
                if (!valid && violations is null)
                {
                    return false;
                }

                index++;
            }
        }

        if (node.UniqueItems)
        {
            var seen = new List<JsonElement>();
            foreach (var item in instance.EnumerateArray())
            {
                if (seen.Any(s => JsonElement.DeepEquals(s, item)))
                {
                    return SchemaNode.Fail(violations, max, path, "items must be unique");
                }

                seen.Add(item);
            }
        }

        return valid;
    }

    public static bool Number(SchemaNode node, JsonElement instance, string? path, List<SchemaViolation>? violations, int max)
    {
        if (!instance.TryGetDecimal(out var value))
        {
            // Beyond decimal's range: compare as double, which is exact enough for such magnitudes.
            var d = instance.GetDouble();
            value = d > 0 ? decimal.MaxValue : decimal.MinValue;
        }

        var valid = true;
        if (value < node.Minimum)
        {
            valid = SchemaNode.Fail(violations, max, path, $"must be at least {Format(node.Minimum)}");
        }

        if (value > node.Maximum)
        {
            valid = SchemaNode.Fail(violations, max, path, $"must be at most {Format(node.Maximum)}");
        }

        if (value <= node.ExclusiveMinimum)
        {
            valid = SchemaNode.Fail(violations, max, path, $"must be greater than {Format(node.ExclusiveMinimum)}");
        }

        if (value >= node.ExclusiveMaximum)
        {
            valid = SchemaNode.Fail(violations, max, path, $"must be less than {Format(node.ExclusiveMaximum)}");
        }

        if (node.MultipleOf is { } multiple && value % multiple != 0)
        {
            valid = SchemaNode.Fail(violations, max, path, $"must be a multiple of {Format(multiple)}");
        }

        return valid;
    }

    public static bool String(SchemaNode node, JsonElement instance, string? path, List<SchemaViolation>? violations, int max)
    {
        if (node.MinLength is null && node.MaxLength is null && node.Pattern is null)
        {
            return true;
        }

        // The text is made only for a pattern; a length is counted on the UTF-8 when the value has no escapes.
        var text = node.Pattern is null ? null : instance.GetString()!;
        var valid = true;
        if (node.MinLength is not null || node.MaxLength is not null)
        {
            var length = CodePoints(text, instance);
            if (length < node.MinLength)
            {
                valid = SchemaNode.Fail(violations, max, path, $"must be at least {node.MinLength} characters long");
            }

            if (length > node.MaxLength)
            {
                valid = SchemaNode.Fail(violations, max, path, $"must be at most {node.MaxLength} characters long");
            }
        }

        if (node.Pattern is { } pattern)
        {
            bool matches;
            try
            {
                matches = pattern.IsMatch(text!);
            }
            catch (RegexMatchTimeoutException)
            {
                matches = false;
            }

            if (!matches)
            {
                valid = SchemaNode.Fail(violations, max, path, $"must match the pattern `{pattern}`");
            }
        }

        return valid;
    }

    public static bool Combinators(SchemaNode node, JsonElement instance, string? path, List<SchemaViolation>? violations, int max)
    {
        var valid = true;
        if (node.AllOf is { } all)
        {
            foreach (var schema in all)
            {
                valid &= schema.Validate(instance, path, violations, max);
            }
        }

        if (node.AnyOf is { } any && Matching(any, instance, 1) == 0)
        {
            valid = SchemaNode.Fail(violations, max, path, "must match at least one of the `anyOf` schemas");
        }

        if (node.OneOf is { } one && Matching(one, instance, 2) != 1)
        {
            valid = SchemaNode.Fail(violations, max, path, "must match exactly one of the `oneOf` schemas");
        }

        if (node.Not is { } not && not.Validate(instance, null, null, 1))
        {
            valid = SchemaNode.Fail(violations, max, path, "must not match the `not` schema");
        }

        return valid;
    }

    /// <summary>How many of <paramref name="schemas"/> the instance matches, counting no further than <paramref name="enough"/>.</summary>
    private static int Matching(IReadOnlyList<SchemaNode> schemas, JsonElement instance, int enough)
    {
        var matches = 0;
        for (var i = 0; i < schemas.Count && matches < enough; i++)
        {
            if (schemas[i].Validate(instance, null, null, 1))
            {
                matches++;
            }
        }

        return matches;
    }

    /// <summary>The schema of a declared property, found from the name's UTF-8 without making a string of it.</summary>
    private static bool TryGetSchema(Dictionary<string, SchemaNode>.AlternateLookup<ReadOnlySpan<char>> properties, JsonProperty property, [NotNullWhen(true)] out SchemaNode? schema)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > 128 || raw.IndexOf((byte)'\\') >= 0)
        {
            return properties.Dictionary.TryGetValue(property.Name, out schema);
        }

        Span<char> name = stackalloc char[raw.Length];
        var length = Encoding.UTF8.GetChars(raw, name);
        return properties.TryGetValue(name[..length], out schema);
    }

    private static string Child(string path, string name) =>
        IsPlainName(name) ? path + "." + name : path + "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";

    private static bool IsPlainName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>A property name in a message: names are the caller's, so cut long ones.</summary>
    private static string Printable(string name) => name.Length <= 64 ? name : name[..64] + "…";

    private static int CodePoints(string? text, JsonElement instance)
    {
        var raw = JsonMarshal.GetRawUtf8Value(instance);
        if (text is null && raw.IndexOf((byte)'\\') < 0)
        {
            // The raw value is the quoted, valid UTF-8 of the text: one code point per byte that does not continue one.
            var points = 0;
            foreach (var b in raw[1..^1])
            {
                points += (b & 0xC0) != 0x80 ? 1 : 0;
            }

            return points;
        }

        text ??= instance.GetString()!;
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
