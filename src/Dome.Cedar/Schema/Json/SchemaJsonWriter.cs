using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dome.Cedar.Schema.Model;

namespace Dome.Cedar.Schema.Json;

/// <summary>Prints a <see cref="SchemaFragment"/> in the JSON schema format (indented, names as written).</summary>
internal static class SchemaJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 1024,
    };

    /// <summary>Prints the fragment as JSON text.</summary>
    public static string Print(SchemaFragment fragment)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            foreach (var ns in fragment.Namespaces)
            {
                writer.WriteStartObject(ns.Name);
                WriteNamespace(writer, ns);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNamespace(Utf8JsonWriter writer, SchemaNamespaceDecl ns)
    {
        if (ns.CommonTypes.Count > 0)
        {
            writer.WriteStartObject("commonTypes");
            foreach (var common in ns.CommonTypes)
            {
                writer.WritePropertyName(common.Name);
                WriteType(writer, common.Type, null, common.Annotations);
            }

            writer.WriteEndObject();
        }

        writer.WriteStartObject("entityTypes");
        foreach (var entity in ns.EntityTypes)
        {
            writer.WriteStartObject(entity.Name);
            if (entity.MemberOfTypes.Count > 0)
            {
                WriteStrings(writer, "memberOfTypes", entity.MemberOfTypes.Select(n => n.Text));
            }

            if (entity.Shape is not null)
            {
                writer.WritePropertyName("shape");
                WriteType(writer, entity.Shape, null, []);
            }

            if (entity.Tags is not null)
            {
                writer.WritePropertyName("tags");
                WriteType(writer, entity.Tags, null, []);
            }

            if (entity.EnumIds is { } ids)
            {
                WriteStrings(writer, "enum", ids);
            }

            WriteAnnotations(writer, entity.Annotations);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("actions");
        foreach (var action in ns.Actions)
        {
            WriteAction(writer, action);
        }

        writer.WriteEndObject();
        WriteAnnotations(writer, ns.Annotations);
    }

    private static void WriteAction(Utf8JsonWriter writer, SchemaActionDecl action)
    {
        writer.WriteStartObject(action.Name);
        if (action.MemberOf.Count > 0)
        {
            writer.WriteStartArray("memberOf");
            foreach (var parent in action.MemberOf)
            {
                writer.WriteStartObject();
                writer.WriteString("id", parent.Id);
                if (parent.Type is not null)
                {
                    writer.WriteString("type", parent.Type);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (action.AppliesTo is { } applies)
        {
            writer.WriteStartObject("appliesTo");
            WriteStrings(writer, "principalTypes", applies.PrincipalTypes.Select(n => n.Text));
            WriteStrings(writer, "resourceTypes", applies.ResourceTypes.Select(n => n.Text));
            if (applies.Context is not null)
            {
                writer.WritePropertyName("context");
                WriteContextType(writer, applies.Context);
            }

            writer.WriteEndObject();
        }

        WriteAnnotations(writer, action.Annotations);
        writer.WriteEndObject();
    }

    /// <summary>A context named by the text format is always a common type (it must be a record).</summary>
    private static void WriteContextType(Utf8JsonWriter writer, SchemaTypeExpr context)
    {
        if (context is SchemaNameTypeExpr name)
        {
            writer.WriteStartObject();
            writer.WriteString("type", name.Name);
            writer.WriteEndObject();
            return;
        }

        WriteType(writer, context, null, []);
    }

    private static void WriteType(Utf8JsonWriter writer, SchemaTypeExpr type, bool? required, IReadOnlyList<SchemaAnnotation> annotations)
    {
        writer.WriteStartObject();
        switch (type)
        {
            case SchemaPrimitiveTypeExpr p:
                writer.WriteString("type", p.Kind switch
                {
                    SchemaPrimitive.Long => "Long",
                    SchemaPrimitive.String => "String",
                    _ => "Boolean",
                });
                break;
            case SchemaExtensionTypeExpr e:
                writer.WriteString("type", "Extension");
                writer.WriteString("name", e.Name);
                break;
            case SchemaEntityRefTypeExpr e:
                writer.WriteString("type", "Entity");
                writer.WriteString("name", e.Name);
                break;
            case SchemaCommonRefTypeExpr c:
                writer.WriteString("type", c.Name);
                break;
            case SchemaNameTypeExpr n:
                writer.WriteString("type", "EntityOrCommon");
                writer.WriteString("name", n.Name);
                break;
            case SchemaSetTypeExpr s:
                writer.WriteString("type", "Set");
                writer.WritePropertyName("element");
                WriteType(writer, s.Element, null, []);
                break;
            case SchemaRecordTypeExpr r:
                writer.WriteString("type", "Record");
                writer.WriteStartObject("attributes");
                foreach (var attribute in r.Attributes)
                {
                    writer.WritePropertyName(attribute.Name);
                    WriteType(writer, attribute.Type, attribute.Required, attribute.Annotations);
                }

                writer.WriteEndObject();
                if (r.AdditionalAttributes)
                {
                    writer.WriteBoolean("additionalAttributes", true);
                }

                break;
        }

        if (required == false)
        {
            writer.WriteBoolean("required", false);
        }

        WriteAnnotations(writer, annotations);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteAnnotations(Utf8JsonWriter writer, IReadOnlyList<SchemaAnnotation> annotations)
    {
        if (annotations.Count == 0)
        {
            return;
        }

        writer.WriteStartObject("annotations");
        foreach (var annotation in annotations)
        {
            writer.WriteString(annotation.Key, annotation.Value);
        }

        writer.WriteEndObject();
    }
}
