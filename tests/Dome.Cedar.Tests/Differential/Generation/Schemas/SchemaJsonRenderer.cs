using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dome.Cedar.Tests.Differential.Generation.Schemas;

/// <summary>
/// Writes a generated schema in Cedar's JSON schema format, varying the spellings the format allows:
/// names qualified or relative to the namespace, `Entity`/common references or `EntityOrCommon`,
/// `required` written or left to its default, action parents with or without `type`.
/// </summary>
internal sealed class SchemaJsonRenderer(Random random)
{
    public string Render(GenSchema schema)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var ns in schema.Namespaces)
            {
                writer.WriteStartObject(ns);
                // The reference rejects annotations on the empty namespace: now and then, to check Dome does too.
                if (Chance(ns.Length > 0 ? 10 : 2))
                {
                    writer.WriteStartObject("annotations");
                    writer.WriteString("doc", "namespace " + ns);
                    writer.WriteEndObject();
                }

                WriteCommonTypes(writer, schema, ns);
                writer.WriteStartObject("entityTypes");
                foreach (var entity in schema.EntityTypes.Where(e => GenSchema.NamespaceOf(e.Name) == ns))
                {
                    WriteEntity(writer, ns, entity);
                }

                writer.WriteEndObject();
                writer.WriteStartObject("actions");
                foreach (var action in schema.Actions.Where(a => a.Namespace == ns))
                {
                    WriteAction(writer, ns, action);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void WriteCommonTypes(Utf8JsonWriter writer, GenSchema schema, string ns)
    {
        var mine = schema.CommonTypes.Where(c => GenSchema.NamespaceOf(c.Name) == ns).ToList();
        if (mine.Count == 0 && Chance(50))
        {
            return;
        }

        writer.WriteStartObject("commonTypes");
        foreach (var (name, type) in mine)
        {
            writer.WritePropertyName(GenSchema.BaseName(name));
            WriteType(writer, ns, type);
        }

        writer.WriteEndObject();
    }

    private void WriteEntity(Utf8JsonWriter writer, string ns, GenEntityType entity)
    {
        writer.WriteStartObject(GenSchema.BaseName(entity.Name));
        if (entity.EnumIds is { } ids)
        {
            writer.WriteStartArray("enum");
            foreach (var id in ids)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            return;
        }

        if (entity.Parents.Count > 0 || Chance(30))
        {
            writer.WriteStartArray("memberOfTypes");
            foreach (var parent in entity.Parents)
            {
                writer.WriteStringValue(Name(ns, parent));
            }

            writer.WriteEndArray();
        }

        if (entity.Shape is not null)
        {
            writer.WritePropertyName("shape");
            WriteType(writer, ns, entity.Shape);
        }

        if (entity.Tags is not null)
        {
            writer.WritePropertyName("tags");
            WriteType(writer, ns, entity.Tags);
        }

        if (Chance(10))
        {
            writer.WriteStartObject("annotations");
            writer.WriteString("doc", "the " + GenSchema.BaseName(entity.Name) + " type");
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private void WriteAction(Utf8JsonWriter writer, string ns, GenAction action)
    {
        writer.WriteStartObject(action.Id);
        if (action.MemberOf.Count > 0)
        {
            writer.WriteStartArray("memberOf");
            foreach (var (parentNs, id) in action.MemberOf)
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                if (parentNs != ns || Chance(30))
                {
                    writer.WriteString("type", parentNs.Length == 0 ? "Action" : parentNs + "::Action");
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (action.PrincipalTypes is not null && action.ResourceTypes is not null)
        {
            writer.WriteStartObject("appliesTo");
            WriteNames(writer, "principalTypes", ns, action.PrincipalTypes);
            WriteNames(writer, "resourceTypes", ns, action.ResourceTypes);
            if (action.Context is not null)
            {
                writer.WritePropertyName("context");
                WriteType(writer, ns, action.Context);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private void WriteNames(Utf8JsonWriter writer, string property, string ns, IReadOnlyList<string> names)
    {
        writer.WriteStartArray(property);
        foreach (var name in names)
        {
            writer.WriteStringValue(Name(ns, name));
        }

        writer.WriteEndArray();
    }

    private void WriteType(Utf8JsonWriter writer, string ns, GenType type)
    {
        writer.WriteStartObject();
        switch (type)
        {
            case GenPrimitive primitive when Chance(15):
                writer.WriteString("type", "EntityOrCommon");
                writer.WriteString("name", primitive.Name);
                break;
            case GenPrimitive primitive:
                writer.WriteString("type", primitive.Name == "Bool" ? "Boolean" : primitive.Name);
                break;
            case GenExtension extension:
                writer.WriteString("type", "Extension");
                writer.WriteString("name", extension.Name);
                break;
            case GenSet set:
                writer.WriteString("type", "Set");
                writer.WritePropertyName("element");
                WriteType(writer, ns, set.Element);
                break;
            case GenEntityRef entity:
                writer.WriteString("type", Chance(20) ? "EntityOrCommon" : "Entity");
                writer.WriteString("name", Name(ns, entity.Name));
                break;
            case GenCommonRef common when Chance(25):
                writer.WriteString("type", "EntityOrCommon");
                writer.WriteString("name", Name(ns, common.Name));
                break;
            case GenCommonRef common:
                writer.WriteString("type", Name(ns, common.Name));
                break;
            case GenRecord record:
                writer.WriteString("type", "Record");
                writer.WriteStartObject("attributes");
                foreach (var attribute in record.Attributes)
                {
                    writer.WritePropertyName(attribute.Name);
                    WriteAttribute(writer, ns, attribute);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }

        writer.WriteEndObject();
    }

    /// <summary>An attribute: its type's object with `required` added (omitted, as the default, for most required ones).</summary>
    private void WriteAttribute(Utf8JsonWriter writer, string ns, GenAttribute attribute)
    {
        using var stream = new MemoryStream();
        using (var inner = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteType(inner, ns, attribute.Type);
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        writer.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            property.WriteTo(writer);
        }

        if (!attribute.Required || Chance(15))
        {
            writer.WriteBoolean("required", attribute.Required);
        }

        writer.WriteEndObject();
    }

    /// <summary>A reference from inside <paramref name="ns"/>: relative when the target is declared there (most of the time), else qualified.</summary>
    private string Name(string ns, string qualified) =>
        ns.Length > 0 && GenSchema.NamespaceOf(qualified) == ns && Chance(60) ? GenSchema.BaseName(qualified) : qualified;

    private bool Chance(int percent) => random.Next(100) < percent;
}
