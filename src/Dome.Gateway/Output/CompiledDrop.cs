using System.Text.Json;
using Dome.Core.Errors;

namespace Dome.Gateway.Output;

/// <summary>A drop rule with its paths compiled: <see cref="Records"/> selects records, <see cref="Matches"/> tests one.</summary>
internal sealed class CompiledDrop
{
    private readonly DropRule rule;
    private readonly PathSegment[] where;

    private CompiledDrop(DropRule rule, PathSegment[] records, PathSegment[] where)
    {
        this.rule = rule;
        Records = records;
        this.where = where;
    }

    public PathSegment[] Records { get; }

    public static CompiledDrop From(DropRule rule, PathSegment[] records, PathSegment[] where)
    {
        var tests = (rule.Is is null ? 0 : 1) + (rule.IsNot is null ? 0 : 1) + (rule.In is null ? 0 : 1) + (rule.Exists is null ? 0 : 1);
        if (tests != 1)
        {
            throw DomeException.Invalid($"drop rule on `{rule.Records}` must have exactly one of `is`, `isNot`, `in` or `exists`; it has {tests}");
        }

        if (where.Any(s => s.Kind is not (PathSegmentKind.Property or PathSegmentKind.Index)))
        {
            throw DomeException.Invalid($"drop rule `where` path `{rule.Where}` must name one value: use `.name`, `['name']` and `[0]` only");
        }

        return new CompiledDrop(rule, records, where);
    }

    /// <summary>True when the record satisfies the predicate, so it is dropped.</summary>
    public bool Matches(JsonElement record)
    {
        var found = TryNavigate(record, out var value);
        if (rule.Exists is { } exists)
        {
            return found == exists;
        }

        if (!found)
        {
            return false;
        }

        if (rule.Is is { } expected)
        {
            return JsonElement.DeepEquals(value, expected);
        }

        if (rule.IsNot is { } other)
        {
            return !JsonElement.DeepEquals(value, other);
        }

        foreach (var candidate in rule.In!)
        {
            if (JsonElement.DeepEquals(value, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private bool TryNavigate(JsonElement record, out JsonElement value)
    {
        value = record;
        foreach (var segment in where)
        {
            if (segment.Kind == PathSegmentKind.Property)
            {
                if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment.Name!, out value))
                {
                    return false;
                }
            }
            else if (value.ValueKind != JsonValueKind.Array || segment.Index >= value.GetArrayLength())
            {
                return false;
            }
            else
            {
                value = value[segment.Index];
            }
        }

        return true;
    }
}
