using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Dome.Gateway.Pipeline;

/// <summary>Reads a call's body: a JSON object with <c>tool</c> (string), <c>arguments</c> (object), optional <c>intent</c> and <c>approvalId</c> (strings), nothing else.</summary>
internal static class ToolCallBody
{
    public const int MaxIntentLength = 2000;

    /// <summary>Parses <paramref name="body"/>; on failure says what to fix (never quoting argument values).</summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(true)] out ToolCallRequest? request, [NotNullWhen(false)] out string? problem)
    {
        document = null;
        request = null;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            problem = $"the body is not valid JSON (line {(e.LineNumber ?? 0) + 1}); send {{\"tool\": \"connection/tool\", \"arguments\": {{...}}, \"intent\": \"...\"}}";
            return false;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail(ref document, "the body must be a JSON object with `tool` and `arguments`", out problem);
        }

        string? tool = null, intent = null, approvalId = null;
        JsonElement? arguments = null;
        foreach (var member in root.EnumerateObject())
        {
            switch (member.Name)
            {
                case "tool" when member.Value.ValueKind == JsonValueKind.String:
                    tool = member.Value.GetString();
                    break;
                case "arguments" when member.Value.ValueKind == JsonValueKind.Object:
                    arguments = member.Value;
                    break;
                case "intent" when member.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    intent = member.Value.GetString();
                    break;
                case "approvalId" when member.Value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    approvalId = member.Value.GetString();
                    break;
                case "tool" or "arguments" or "intent" or "approvalId":
                    return Fail(ref document, $"`{member.Name}` has the wrong type: `tool`, `intent` and `approvalId` are strings, `arguments` an object", out problem);
                default:
                    return Fail(ref document, $"unknown member `{Clip(member.Name)}`; the body has `tool`, `arguments`, `intent` and `approvalId`", out problem);
            }
        }

        if (string.IsNullOrEmpty(tool))
        {
            return Fail(ref document, "`tool` is required: the tool's name, `connection/tool`", out problem);
        }

        if (arguments is null)
        {
            return Fail(ref document, "`arguments` is required: a JSON object (`{}` when the tool takes none)", out problem);
        }

        if (intent is { Length: > MaxIntentLength })
        {
            return Fail(ref document, $"`intent` is longer than {MaxIntentLength} characters", out problem);
        }

        request = new ToolCallRequest { Tool = tool, Arguments = arguments.Value, Intent = intent, ApprovalId = string.IsNullOrEmpty(approvalId) ? null : approvalId };
        problem = null;
        return true;
    }

    private static bool Fail(ref JsonDocument? document, string message, out string problem)
    {
        document?.Dispose();
        document = null;
        problem = message;
        return false;
    }

    private static string Clip(string name) => name.Length <= 64 ? name : name[..64] + "…";
}
