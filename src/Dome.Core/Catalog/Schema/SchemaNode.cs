using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dome.Core.Catalog.Schema;

/// <summary>One compiled (sub)schema. Immutable after compilation.</summary>
internal sealed class SchemaNode
{
    private readonly Dictionary<string, SchemaNode>? properties;

    public SchemaTypes Types { get; init; } = SchemaTypes.Any;

    public bool AcceptsNothing { get; init; }

    public IReadOnlyDictionary<string, SchemaNode>? Properties
    {
        get => properties;
        init
        {
            properties = value is null ? null : new Dictionary<string, SchemaNode>(value, StringComparer.Ordinal);
            PropertiesByName = properties?.GetAlternateLookup<ReadOnlySpan<char>>();
        }
    }

    /// <summary><see cref="Properties"/> looked up by a name the caller has only as characters (no string made).</summary>
    public Dictionary<string, SchemaNode>.AlternateLookup<ReadOnlySpan<char>>? PropertiesByName { get; private init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>Null: any additional property; <see cref="AcceptsNothing"/> node: none.</summary>
    public SchemaNode? AdditionalProperties { get; init; }

    public int? MinProperties { get; init; }

    public int? MaxProperties { get; init; }

    public IReadOnlyList<JsonElement>? Enum { get; init; }

    public JsonElement? Const { get; init; }

    public SchemaNode? Items { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public bool UniqueItems { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public decimal? ExclusiveMinimum { get; init; }

    public decimal? ExclusiveMaximum { get; init; }

    public decimal? MultipleOf { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public Regex? Pattern { get; init; }

    public IReadOnlyList<SchemaNode>? AllOf { get; init; }

    public IReadOnlyList<SchemaNode>? AnyOf { get; init; }

    public IReadOnlyList<SchemaNode>? OneOf { get; init; }

    public SchemaNode? Not { get; init; }

    public static SchemaNode Nothing { get; } = new() { AcceptsNothing = true };

    public static SchemaNode Everything { get; } = new();

    /// <summary>
    /// True when valid; reports violations into <paramref name="violations"/> (null: stop at the first, and
    /// <paramref name="path"/> may be null: nothing is reported, so no path is built).
    /// </summary>
    public bool Validate(JsonElement instance, string? path, List<SchemaViolation>? violations, int max)
    {
        if (AcceptsNothing)
        {
            return Fail(violations, max, path, "no value is allowed here");
        }

        if (!TypeMatches(instance))
        {
            return violations is not null && Fail(violations, max, path, $"expected {Describe(Types)}, got {KindName(instance)}");
        }

        var valid = true;
        if (Enum is { } values && !IsOneOf(values, instance))
        {
            if (violations is null)
            {
                return false;
            }

            valid = Fail(violations, max, path, "must be one of " + string.Join(", ", values.Select(v => v.GetRawText())));
        }

        if (Const is { } constant && !JsonElement.DeepEquals(constant, instance))
        {
            valid = Fail(violations, max, path, "must equal " + constant.GetRawText());
        }

        if (!valid && violations is null)
        {
            return false;
        }

        valid &= instance.ValueKind switch
        {
            JsonValueKind.Object => SchemaChecks.Object(this, instance, path, violations, max),
            JsonValueKind.Array => SchemaChecks.Array(this, instance, path, violations, max),
            JsonValueKind.Number => SchemaChecks.Number(this, instance, path, violations, max),
            JsonValueKind.String => SchemaChecks.String(this, instance, path, violations, max),
            _ => true,
        };
        if (!valid && violations is null)
        {
            return false;
        }

        return SchemaChecks.Combinators(this, instance, path, violations, max) && valid;
    }

    public static bool Fail(List<SchemaViolation>? violations, int max, string? path, string message)
    {
        if (violations is not null && violations.Count < max)
        {
            violations.Add(new SchemaViolation { Path = path ?? "$", Message = message });
        }

        return false;
    }

    private static bool IsOneOf(IReadOnlyList<JsonElement> values, JsonElement instance)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (JsonElement.DeepEquals(values[i], instance))
            {
                return true;
            }
        }

        return false;
    }

    private bool TypeMatches(JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.Null => (Types & SchemaTypes.Null) != 0,
        JsonValueKind.True or JsonValueKind.False => (Types & SchemaTypes.Boolean) != 0,
        JsonValueKind.Object => (Types & SchemaTypes.Object) != 0,
        JsonValueKind.Array => (Types & SchemaTypes.Array) != 0,
        JsonValueKind.String => (Types & SchemaTypes.String) != 0,
        JsonValueKind.Number => (Types & SchemaTypes.Number) != 0 || ((Types & SchemaTypes.Integer) != 0 && IsInteger(instance)),
        _ => false,
    };

    public static bool IsInteger(JsonElement number) =>
        number.TryGetDecimal(out var value) ? decimal.Truncate(value) == value : number.TryGetDouble(out var d) && Math.Floor(d) == d && !double.IsInfinity(d);

    private static string KindName(JsonElement instance) => instance.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => IsInteger(instance) ? "integer" : "number",
        var kind => kind.ToString().ToLowerInvariant(),
    };

    private static string Describe(SchemaTypes types)
    {
        var names = new List<string>();
        foreach (var type in System.Enum.GetValues<SchemaTypes>())
        {
            if (type is not (SchemaTypes.None or SchemaTypes.Any) && (types & type) != 0)
            {
                names.Add(type.ToString().ToLower(CultureInfo.InvariantCulture));
            }
        }

        return string.Join(" or ", names);
    }
}
