namespace Dome.Cedar.Json;

/// <summary>Checks of Cedar identifiers and names as the JSON format requires them.</summary>
internal static class CedarNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "true", "false", "if", "then", "else", "in", "is", "like", "has", "__cedar",
    };

    /// <summary>An identifier: <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    public static bool IsIdentifier(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !(char.IsAsciiLetter(text[0]) || text[0] == '_'))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An identifier that may name a type or namespace part (not a reserved word).</summary>
    public static bool IsUnreservedIdentifier(string text) => IsIdentifier(text) && !Reserved.Contains(text);

    /// <summary>A name: unreserved identifiers joined by <c>::</c>, e.g. <c>NS::User</c>.</summary>
    public static bool IsName(string text)
    {
        foreach (var part in text.Split("::"))
        {
            if (!IsUnreservedIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="type"/> is an action entity type: <c>Action</c> or <c>NS::Action</c>.</summary>
    public static bool IsActionType(string type) => type == "Action" || type.EndsWith("::Action", StringComparison.Ordinal);
}
