using System.Diagnostics.CodeAnalysis;
using Dome.Core.Registry;

namespace Dome.Core.Catalog;

/// <summary>A tool's full name, <c>connection/tool</c>, as agents call it.</summary>
public readonly record struct ToolName(string Connection, string Tool)
{
    /// <summary>Parses <c>connection/tool</c>; both parts must be valid names.</summary>
    public static bool TryParse(string? text, out ToolName name, [NotNullWhen(false)] out string? problem)
    {
        name = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash < 0)
        {
            problem = $"tool `{text}` must be named `connection/tool`";
            return false;
        }

        if (!Names.TryValidateTool(text, out problem))
        {
            return false;
        }

        name = new ToolName(text[..slash], text[(slash + 1)..]);
        return true;
    }

    public override string ToString() => Connection + "/" + Tool;
}
