using System.Text.Json;
using Dome.Cedar.Schema.Model;

namespace Dome.Cedar.Schema.Json;

/// <summary>Types in the JSON schema format.</summary>
internal sealed partial class SchemaJsonReader
{
    private static readonly string[] TypeFields = ["type", "element", "attributes", "additionalAttributes", "name", "required", "annotations"];

    private static (SchemaTypeExpr Type, List<SchemaAnnotation> Annotations) ReadTypeWithAnnotations(JsonElement element, string path)
    {
        var type = ReadType(element, path, 0);
        var fields = Fields(element, path, TypeFields, "a type");
        return (type, ReadAnnotations(fields, path));
    }

    private static SchemaTypeExpr ReadType(JsonElement element, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"type nesting is deeper than the limit of {MaxDepth}", path);
        }

        var fields = Fields(element, path, TypeFields, "a type");
        string kind = String(Required(fields, "type", path), $"{path}.type");
        switch (kind)
        {
            case "Long":
            case "String":
            case "Boolean":
                Allow(fields, path, kind);
                return new SchemaPrimitiveTypeExpr(kind switch
                {
                    "Long" => SchemaPrimitive.Long,
                    "String" => SchemaPrimitive.String,
                    _ => SchemaPrimitive.Bool,
                });
            case "Set":
                Allow(fields, path, kind, "element");
                return new SchemaSetTypeExpr(ReadType(Required(fields, "element", path), $"{path}.element", depth + 1));
            case "Record":
                Allow(fields, path, kind, "attributes", "additionalAttributes");
                return ReadRecord(fields, path, depth);
            case "Entity":
                Allow(fields, path, kind, "name");
                return new SchemaEntityRefTypeExpr(TypeName(Required(fields, "name", path), $"{path}.name"));
            case "Extension":
                Allow(fields, path, kind, "name");
                return new SchemaExtensionTypeExpr(String(Required(fields, "name", path), $"{path}.name"));
            case "EntityOrCommon":
                Allow(fields, path, kind, "name");
                return new SchemaNameTypeExpr(TypeName(Required(fields, "name", path), $"{path}.name"));
            default:
                Allow(fields, path, kind);
                CheckName(kind, $"{path}.type", "type name", allowPath: true);
                return new SchemaCommonRefTypeExpr(kind);
        }
    }

    private static SchemaRecordTypeExpr ReadRecord(Dictionary<string, JsonElement> fields, string path, int depth)
    {
        var attributes = new List<SchemaAttributeDecl>();
        var attrs = Required(fields, "attributes", path);
        foreach (var property in Members(attrs, $"{path}.attributes"))
        {
            string attrPath = $"{path}.attributes[{Quote(property.Name)}]";
            var type = ReadType(property.Value, attrPath, depth + 1);
            var attrFields = Fields(property.Value, attrPath, TypeFields, "a type");
            bool required = !attrFields.TryGetValue("required", out var req) || Bool(req, $"{attrPath}.required");
            attributes.RemoveAll(a => a.Name == property.Name);
            attributes.Add(new SchemaAttributeDecl(property.Name, type, required, ReadAnnotations(attrFields, attrPath)));
        }

        bool open = fields.TryGetValue("additionalAttributes", out var additional) && Bool(additional, $"{path}.additionalAttributes");
        return new SchemaRecordTypeExpr(attributes, open);
    }

    private static string TypeName(JsonElement element, string path)
    {
        string name = String(element, path);
        if (!name.StartsWith("__cedar::", StringComparison.Ordinal))
        {
            CheckName(name, path, "type name", allowPath: true);
        }

        return name;
    }

    /// <summary>Rejects fields that do not belong to a type of this kind (<c>required</c> and <c>annotations</c> always may appear).</summary>
    private static void Allow(Dictionary<string, JsonElement> fields, string path, string kind, params string[] allowed)
    {
        foreach (var key in fields.Keys)
        {
            if (key is "type" or "required" or "annotations" || Array.IndexOf(allowed, key) >= 0)
            {
                continue;
            }

            throw Error($"unexpected field `{key}` in a type of kind `{kind}`", path);
        }
    }
}
