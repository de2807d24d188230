using System.Text;
using Dome.Core.Registry;

namespace Dome.Core.Catalog.OpenApi;

/// <summary>Turns an OpenAPI operation id (<c>createTicket</c>) into a tool name (<c>create_ticket</c>).</summary>
internal static class OperationNames
{
    public static string ToolName(string? operationId, string method, string path)
    {
        var source = string.IsNullOrWhiteSpace(operationId) ? method.ToLowerInvariant() + "_" + path : operationId;
        var name = new StringBuilder(source.Length + 8);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsAsciiLetterUpper(c))
            {
                if (i > 0 && (char.IsAsciiLetterLower(source[i - 1]) || char.IsAsciiDigit(source[i - 1]) || (i + 1 < source.Length && char.IsAsciiLetterLower(source[i + 1]) && char.IsAsciiLetterUpper(source[i - 1]))))
                {
                    Separate(name);
                }

                name.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')
            {
                name.Append(c);
            }
            else
            {
                Separate(name);
            }
        }

        var text = name.ToString().Trim('_', '-', '.');
        if (text.Length > Names.MaxLength)
        {
            text = text[..Names.MaxLength].TrimEnd('_', '-', '.');
        }

        return text.Length == 0 ? "operation" : text;
    }

    private static void Separate(StringBuilder name)
    {
        if (name.Length > 0 && name[^1] != '_')
        {
            name.Append('_');
        }
    }
}
