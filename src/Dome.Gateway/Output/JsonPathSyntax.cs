using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Dome.Gateway.Output;

/// <summary>
/// The JSON paths output rules use: <c>$</c> (the whole body), then any of <c>.name</c>, <c>['name']</c>,
/// <c>[3]</c>, <c>.*</c> / <c>[*]</c> (every member or element) and <c>..name</c> / <c>..*</c> (at any depth).
/// Examples: <c>$.customer.ssn</c>, <c>$.items[*].card</c>, <c>$..password</c>.
/// </summary>
public static class JsonPathSyntax
{
    public const int MaxSegments = 64;

    /// <summary>True when <paramref name="path"/> is a valid path; otherwise the reason, naming the offending input.</summary>
    public static bool TryValidate(string? path, [NotNullWhen(false)] out string? problem) => TryParse(path, out _, out problem);

    internal static bool TryParse(string? path, [NotNullWhen(true)] out PathSegment[]? segments, [NotNullWhen(false)] out string? problem)
    {
        segments = null;
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            problem = $"path `{path}` must start with `$`";
            return false;
        }

        var list = new List<PathSegment>();
        var i = 1;
        while (i < path.Length)
        {
            if (list.Count == MaxSegments)
            {
                problem = $"path `{path}` has more than {MaxSegments} steps";
                return false;
            }

            if (!TryStep(path, ref i, list, out problem))
            {
                return false;
            }
        }

        segments = [.. list];
        problem = null;
        return true;
    }

    private static bool TryStep(string path, ref int i, List<PathSegment> list, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        if (path[i] == '.')
        {
            var descendant = i + 1 < path.Length && path[i + 1] == '.';
            i += descendant ? 2 : 1;
            if (i < path.Length && path[i] == '*')
            {
                i++;
                list.Add(new PathSegment(descendant ? PathSegmentKind.AnyDescendant : PathSegmentKind.Any));
                return true;
            }

            var start = i;
            while (i < path.Length && IsNameChar(path[i]))
            {
                i++;
            }

            if (i == start)
            {
                problem = $"path `{path}` has no member name at position {start}: use `.name`, `['name']` or `.*`";
                return false;
            }

            list.Add(new PathSegment(descendant ? PathSegmentKind.Descendant : PathSegmentKind.Property, path[start..i]));
            return true;
        }

        if (path[i] == '[')
        {
            return TryBracket(path, ref i, list, out problem);
        }

        problem = $"path `{path}` has an unexpected `{path[i]}` at position {i}: steps start with `.` or `[`";
        return false;
    }

    private static bool TryBracket(string path, ref int i, List<PathSegment> list, [NotNullWhen(false)] out string? problem)
    {
        problem = null;
        var close = path.IndexOf(']', i);
        if (i + 1 < path.Length && path[i + 1] is '\'' or '"')
        {
            return TryQuoted(path, ref i, list, out problem);
        }

        if (close < 0)
        {
            problem = $"path `{path}` has a `[` without `]` at position {i}";
            return false;
        }

        var inner = path.AsSpan(i + 1, close - i - 1);
        if (inner is "*")
        {
            list.Add(new PathSegment(PathSegmentKind.Any));
        }
        else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            list.Add(new PathSegment(PathSegmentKind.Index, Index: index));
        }
        else
        {
            problem = $"path `{path}` has `[{inner}]` at position {i}: use `[0]`, `[*]` or `['name']`";
            return false;
        }

        i = close + 1;
        return true;
    }

    private static bool TryQuoted(string path, ref int i, List<PathSegment> list, [NotNullWhen(false)] out string? problem)
    {
        var quote = path[i + 1];
        var name = new StringBuilder();
        var j = i + 2;
        while (j < path.Length && path[j] != quote)
        {
            if (path[j] == '\\' && j + 1 < path.Length)
            {
                j++;
            }

            name.Append(path[j]);
            j++;
        }

        if (j + 1 >= path.Length || path[j + 1] != ']')
        {
            problem = $"path `{path}` has an unterminated `[{quote}` at position {i}";
            return false;
        }

        list.Add(new PathSegment(PathSegmentKind.Property, name.ToString()));
        i = j + 2;
        problem = null;
        return true;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$' or '@';
}
