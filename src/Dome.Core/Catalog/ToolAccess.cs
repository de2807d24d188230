using Dome.Core.Registry;

namespace Dome.Core.Catalog;

/// <summary>
/// Declared capabilities meet the catalog: may this agent call this tool at all (before policy)?
/// </summary>
/// <remarks>
/// A declaration <c>zendesk</c> covers every <c>zendesk/*</c> tool; <c>zendesk/create_ticket</c> covers only that
/// tool. Matching is exact and case-sensitive (names are lowercase); anything not declared is denied.
/// </remarks>
public static class ToolAccess
{
    public static bool MayCall(Agent agent, ToolName tool)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return MayCall(agent.Capabilities.Tools, tool);
    }

    public static bool MayCall(IReadOnlyList<string> declaredTools, ToolName tool)
    {
        ArgumentNullException.ThrowIfNull(declaredTools);
        if (string.IsNullOrEmpty(tool.Connection) || string.IsNullOrEmpty(tool.Tool))
        {
            return false;
        }

        foreach (var declared in declaredTools)
        {
            if (Covers(declared, tool))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Covers(string declared, ToolName tool)
    {
        if (declared.Length == tool.Connection.Length)
        {
            return string.Equals(declared, tool.Connection, StringComparison.Ordinal);
        }

        return declared.Length == tool.Connection.Length + 1 + tool.Tool.Length
            && declared.StartsWith(tool.Connection, StringComparison.Ordinal)
            && declared[tool.Connection.Length] == '/'
            && declared.AsSpan(tool.Connection.Length + 1).SequenceEqual(tool.Tool);
    }
}
