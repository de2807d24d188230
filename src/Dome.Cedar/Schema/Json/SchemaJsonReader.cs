using System.Text.Json;
using Dome.Cedar.Schema.Model;

namespace Dome.Cedar.Schema.Json;

/// <summary>
/// Reads the JSON schema format into a <see cref="SchemaFragment"/>. Syntax errors carry line:column;
/// shape errors carry the JSON path of the element at fault. Nesting is bounded by <see cref="MaxDepth"/>.
/// </summary>
internal sealed partial class SchemaJsonReader
{
    /// <summary>The deepest JSON nesting accepted.</summary>
    public const int MaxDepth = 256;

    private static readonly string[] NamespaceFields = ["commonTypes", "entityTypes", "actions", "annotations"];
    private static readonly string[] EntityFields = ["memberOfTypes", "shape", "tags", "enum", "annotations"];
    private static readonly string[] ActionFields = ["attributes", "appliesTo", "memberOf", "annotations"];
    private static readonly string[] AppliesToFields = ["resourceTypes", "principalTypes", "context"];
    private static readonly string[] ActionRefFields = ["id", "type"];

    /// <summary>Parses JSON schema text; throws <see cref="CedarSchemaException"/> on error.</summary>
    public static SchemaFragment Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? 0) + 1;
            int column = (int)(ex.BytePositionInLine ?? 0) + 1;
            string reason = FirstSentence(ex.Message);
            throw new CedarSchemaException(new SchemaDiagnostic(
                $"invalid JSON: {reason}", new SchemaSourceSpan(0, 0, line, column)));
        }

        using (document)
        {
            return ReadSchema(document.RootElement);
        }
    }

    private static SchemaFragment ReadSchema(JsonElement root)
    {
        RequireKind(root, JsonValueKind.Object, "$", "an object of namespaces");
        var namespaces = new List<SchemaNamespaceDecl>();
        foreach (var property in root.EnumerateObject())
        {
            string path = $"$[{Quote(property.Name)}]";
            if (property.Name.Length > 0)
            {
                CheckName(property.Name, path, "namespace", allowPath: true);
            }

            namespaces.Add(ReadNamespace(property.Name, property.Value, path));
        }

        return new SchemaFragment(namespaces);
    }

    private static SchemaNamespaceDecl ReadNamespace(string name, JsonElement element, string path)
    {
        var fields = Fields(element, path, NamespaceFields, "a namespace");
        var commonTypes = new List<SchemaCommonTypeDecl>();
        if (fields.TryGetValue("commonTypes", out var common))
        {
            foreach (var property in Members(common, $"{path}.commonTypes"))
            {
                string typePath = $"{path}.commonTypes[{Quote(property.Name)}]";
                CheckName(property.Name, typePath, "common type name", allowPath: false);
                var (type, annotations) = ReadTypeWithAnnotations(property.Value, typePath);
                commonTypes.Add(new SchemaCommonTypeDecl(property.Name, type, annotations));
            }
        }

        var entityTypes = new List<SchemaEntityTypeDecl>();
        foreach (var property in Members(Required(fields, "entityTypes", path), $"{path}.entityTypes"))
        {
            entityTypes.Add(ReadEntityType(property.Name, property.Value, $"{path}.entityTypes[{Quote(property.Name)}]"));
        }

        var actions = new List<SchemaActionDecl>();
        foreach (var property in Members(Required(fields, "actions", path), $"{path}.actions"))
        {
            actions.Add(ReadAction(property.Name, property.Value, $"{path}.actions[{Quote(property.Name)}]"));
        }

        if (name.Length == 0 && fields.ContainsKey("annotations"))
        {
            throw Error("annotations are not allowed on the empty namespace", $"{path}.annotations");
        }

        return new SchemaNamespaceDecl(name, commonTypes, entityTypes, actions, ReadAnnotations(fields, path));
    }

    private static SchemaEntityTypeDecl ReadEntityType(string name, JsonElement element, string path)
    {
        CheckName(name, path, "entity type name", allowPath: false);
        var fields = Fields(element, path, EntityFields, "an entity type");
        var parents = fields.TryGetValue("memberOfTypes", out var memberOf)
            ? Names(memberOf, $"{path}.memberOfTypes")
            : [];
        SchemaTypeExpr? shape = fields.TryGetValue("shape", out var shapeElement) ? ReadType(shapeElement, $"{path}.shape", 0) : null;
        SchemaTypeExpr? tags = fields.TryGetValue("tags", out var tagsElement) ? ReadType(tagsElement, $"{path}.tags", 0) : null;
        List<string>? enumIds = null;
        if (fields.TryGetValue("enum", out var enumElement))
        {
            enumIds = StringArray(enumElement, $"{path}.enum");
            if (enumIds.Count == 0)
            {
                throw Error("an enumerated entity type must list at least one id", $"{path}.enum");
            }

            if (fields.ContainsKey("memberOfTypes") || shape is not null || tags is not null)
            {
                throw Error("an enumerated entity type cannot have `memberOfTypes`, `shape` or `tags`", path);
            }
        }

        return new SchemaEntityTypeDecl(name, parents, shape, tags, enumIds, ReadAnnotations(fields, path));
    }

    private static SchemaActionDecl ReadAction(string name, JsonElement element, string path)
    {
        var fields = Fields(element, path, ActionFields, "an action");
        if (fields.ContainsKey("attributes"))
        {
            throw Error("action attributes are not supported", $"{path}.attributes");
        }

        var parents = new List<SchemaActionRef>();
        if (fields.TryGetValue("memberOf", out var memberOf))
        {
            int i = 0;
            foreach (var item in Items(memberOf, $"{path}.memberOf"))
            {
                string refPath = $"{path}.memberOf[{i++}]";
                var refFields = Fields(item, refPath, ActionRefFields, "an action reference");
                string id = String(Required(refFields, "id", refPath), $"{refPath}.id");
                string? type = refFields.TryGetValue("type", out var t) ? String(t, $"{refPath}.type") : null;
                parents.Add(new SchemaActionRef(type, id));
            }
        }

        SchemaAppliesTo? appliesTo = null;
        if (fields.TryGetValue("appliesTo", out var applies) && applies.ValueKind != JsonValueKind.Null)
        {
            string appliesPath = $"{path}.appliesTo";
            var appliesFields = Fields(applies, appliesPath, AppliesToFields, "an `appliesTo` object");
            var principals = StringArray(Required(appliesFields, "principalTypes", appliesPath), $"{appliesPath}.principalTypes");
            var resources = StringArray(Required(appliesFields, "resourceTypes", appliesPath), $"{appliesPath}.resourceTypes");
            SchemaTypeExpr? context = appliesFields.TryGetValue("context", out var ctx) ? ReadType(ctx, $"{appliesPath}.context", 0) : null;
            appliesTo = new SchemaAppliesTo(
                Names(principals, $"{appliesPath}.principalTypes"),
                Names(resources, $"{appliesPath}.resourceTypes"),
                context);
        }

        return new SchemaActionDecl(name, parents, appliesTo, ReadAnnotations(fields, path));
    }

    private static List<SchemaName> Names(JsonElement element, string path) => Names(StringArray(element, path), path);

    private static List<SchemaName> Names(List<string> names, string path)
    {
        for (int i = 0; i < names.Count; i++)
        {
            CheckName(names[i], $"{path}[{i}]", "type name", allowPath: true);
        }

        return names.Select(n => new SchemaName(n)).ToList();
    }

    /// <summary>Names in the JSON format must be identifiers (or, where allowed, <c>::</c>-separated paths).</summary>
    private static void CheckName(string name, string path, string what, bool allowPath)
    {
        bool ok = allowPath ? Text.SchemaTextEscaper.IsPath(name)
            : Text.SchemaTextEscaper.IsIdentifier(name) && !Text.SchemaTextEscaper.ReservedWords.Contains(name);
        if (!ok)
        {
            throw Error($"invalid {what} `{Shorten(name)}`", path);
        }
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        string text = cut > 0 ? message[..cut] : message;
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..].TrimEnd('.') : text;
    }
}
