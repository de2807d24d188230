using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Dome.Cedar.Json;

/// <summary>
/// Reads Cedar's JSON policy format into <see cref="EstPolicy"/>. Unknown fields, wrong types,
/// <c>null</c>s, unknown operators and misplaced slots are rejected with a message naming the
/// JSON path. Nesting is limited to <see cref="MaxDepth"/> JSON levels, so hostile input cannot
/// exhaust the stack.
/// </summary>
internal static partial class EstJsonReader
{
    /// <summary>The deepest JSON nesting accepted (the reference stops at about 128).</summary>
    public const int MaxDepth = 1024;

    /// <summary>Options for documents this reader parses.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = MaxDepth };

    /// <summary>Parses one policy or template from JSON text.</summary>
    public static bool TryReadPolicy(string json, [NotNullWhen(true)] out EstPolicy? policy, [NotNullWhen(false)] out string? error)
    {
        try
        {
            using var document = Parse(json);
            policy = ReadPolicy(document.RootElement, string.Empty);
            error = null;
            return true;
        }
        catch (CedarJsonException exception)
        {
            policy = null;
            error = exception.Message;
            return false;
        }
    }

    /// <summary>Parses JSON text, turning syntax errors into <see cref="CedarJsonException"/> with line:column.</summary>
    public static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            var reason = exception.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
            throw new CedarJsonException(
                $"invalid json at {line}:{column}: {char.ToLowerInvariant(reason[0])}{reason[1..]}{Near(json, line, column)}", exception);
        }
    }

    /// <summary>The text at a syntax error (<paramref name="column"/> counts UTF-8 bytes, exact for ASCII lines).</summary>
    private static string Near(string json, long line, long column)
    {
        var start = 0;
        for (var i = 1; i < line && start >= 0; i++)
        {
            start = json.IndexOf('\n', start);
            start = start < 0 ? -1 : start + 1;
        }

        if (start < 0)
        {
            return string.Empty;
        }

        var end = json.IndexOf('\n', start);
        var lineText = json.AsSpan(start, (end < 0 ? json.Length : end) - start);
        var from = (int)Math.Min(Math.Max(column - 1, 0), lineText.Length);
        var snippet = lineText[from..Math.Min(from + 20, lineText.Length)].ToString();
        return snippet.Length == 0 ? " at the end of the input" : $" near `{snippet}`";
    }

    /// <summary>Reads one policy or template object; <paramref name="path"/> prefixes error locations.</summary>
    public static EstPolicy ReadPolicy(JsonElement element, string path)
    {
        RequireObject(element, path, "a policy");
        EstEffect? effect = null;
        EstScope? principal = null, action = null, resource = null;
        IReadOnlyList<EstCondition>? conditions = null;
        IReadOnlyList<KeyValuePair<string, string?>> annotations = [];
        foreach (var property in UniqueProperties(element, path))
        {
            var at = Join(path, property.Name);
            switch (property.Name)
            {
                case "effect":
                    effect = ReadString(property.Value, at) switch
                    {
                        "permit" => EstEffect.Permit,
                        "forbid" => EstEffect.Forbid,
                        var other => throw Error(at, $"unknown effect `{other}`, expected `permit` or `forbid`"),
                    };
                    break;
                case "principal":
                    principal = ReadScope(property.Value, at, ScopeKind.Principal);
                    break;
                case "action":
                    action = ReadScope(property.Value, at, ScopeKind.Action);
                    break;
                case "resource":
                    resource = ReadScope(property.Value, at, ScopeKind.Resource);
                    break;
                case "conditions":
                    conditions = ReadConditions(property.Value, at);
                    break;
                case "annotations":
                    annotations = ReadAnnotations(property.Value, at);
                    break;
                default:
                    throw Error(path, $"unknown field `{property.Name}`, expected one of `effect`, `principal`, `action`, `resource`, `conditions`, `annotations`");
            }
        }

        return new EstPolicy
        {
            Effect = effect ?? throw Missing(path, "effect"),
            Principal = principal ?? throw Missing(path, "principal"),
            Action = action ?? throw Missing(path, "action"),
            Resource = resource ?? throw Missing(path, "resource"),
            Conditions = conditions ?? throw Missing(path, "conditions"),
            Annotations = annotations,
        };
    }

    private static List<EstCondition> ReadConditions(JsonElement element, string path)
    {
        RequireKind(element, JsonValueKind.Array, path, "an array of conditions");
        var conditions = new List<EstCondition>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            RequireObject(item, at, "a condition");
            bool? isWhen = null;
            EstExpr? body = null;
            foreach (var property in UniqueProperties(item, at))
            {
                switch (property.Name)
                {
                    case "kind":
                        var kind = ReadString(property.Value, Join(at, "kind"));
                        isWhen = kind switch
                        {
                            "when" => true,
                            "unless" => false,
                            _ => throw Error(Join(at, "kind"), $"unknown condition kind `{kind}`, expected `when` or `unless`"),
                        };
                        break;
                    case "body":
                        body = ReadExpr(property.Value, Join(at, "body"), 0);
                        break;
                    default:
                        throw Error(at, $"unknown field `{property.Name}`, expected `kind` or `body`");
                }
            }

            conditions.Add(new EstCondition(isWhen ?? throw Missing(at, "kind"), body ?? throw Missing(at, "body")));
        }

        return conditions;
    }

    private static List<KeyValuePair<string, string?>> ReadAnnotations(JsonElement element, string path)
    {
        RequireObject(element, path, "an object of annotations");
        var annotations = new List<KeyValuePair<string, string?>>();
        foreach (var property in UniqueProperties(element, path))
        {
            var at = Join(path, property.Name);
            if (!CedarNames.IsIdentifier(property.Name))
            {
                throw Error(at, $"invalid annotation key `{property.Name}`, expected an identifier");
            }

            var value = property.Value.ValueKind == JsonValueKind.Null ? null : ReadString(property.Value, at);
            annotations.Add(new(property.Name, value));
        }

        return annotations;
    }
}
