using System.Diagnostics.CodeAnalysis;

namespace Dome.Core.Registry;

/// <summary>The shape of names in the registry: agents, workspaces, tenants, tools, pools, integrations.</summary>
public static class Names
{
    public const int MaxLength = 64;

    /// <summary>
    /// A name is 1–64 characters of lowercase letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a
    /// letter or digit. Returns the reason when it is not.
    /// </summary>
    public static bool TryValidate([NotNullWhen(true)] string? name, string what, [NotNullWhen(false)] out string? problem)
    {
        if (string.IsNullOrEmpty(name))
        {
            problem = $"{what} is required";
            return false;
        }

        if (name.Length > MaxLength)
        {
            problem = $"{what} is {name.Length} characters long; at most {MaxLength} are allowed";
            return false;
        }

        if (!IsAlphanumeric(name[0]))
        {
            problem = $"{what} `{name}` must start with a lowercase letter or a digit";
            return false;
        }

        foreach (var c in name)
        {
            if (!IsAlphanumeric(c) && c is not ('-' or '_' or '.'))
            {
                problem = $"{what} `{name}` may contain only lowercase letters, digits, `-`, `_` and `.`";
                return false;
            }
        }

        problem = null;
        return true;
    }

    /// <summary>A declared tool: a connection (<c>zendesk</c>) or one of its tools (<c>zendesk/create_ticket</c>).</summary>
    public static bool TryValidateTool(string? tool, [NotNullWhen(false)] out string? problem)
    {
        if (string.IsNullOrEmpty(tool))
        {
            problem = "a tool name is empty";
            return false;
        }

        var slash = tool.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return TryValidate(tool, "tool", out problem);
        }

        if (tool.IndexOf('/', slash + 1) >= 0)
        {
            problem = $"tool `{tool}` must be `connection` or `connection/tool`";
            return false;
        }

        return TryValidate(tool[..slash], "connection", out problem)
            && TryValidate(tool[(slash + 1)..], "tool", out problem);
    }

    private static bool IsAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
