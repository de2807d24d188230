using System.Text;
using Dome.Cedar.Schema.Model;

namespace Dome.Cedar.Schema.Text;

/// <summary>
/// Prints a <see cref="SchemaFragment"/> in the human-readable format. Builtins print as <c>__cedar::Long</c> etc.
/// so that no declared name can capture them. Throws <see cref="CedarSchemaException"/> for the JSON-only
/// features the text format cannot say (open records, shapes or contexts that are not record literals).
/// </summary>
internal sealed class SchemaTextPrinter
{
    private readonly StringBuilder _out = new();

    private SchemaTextPrinter()
    {
    }

    /// <summary>Prints the fragment.</summary>
    public static string Print(SchemaFragment fragment)
    {
        var printer = new SchemaTextPrinter();
        bool first = true;
        foreach (var ns in fragment.Namespaces.OrderBy(n => n.Name.Length == 0 ? 0 : 1))
        {
            if (!first)
            {
                printer._out.Append('\n');
            }

            first = false;
            printer.PrintNamespace(ns);
        }

        return printer._out.ToString();
    }

    private void PrintNamespace(SchemaNamespaceDecl ns)
    {
        string indent = string.Empty;
        if (ns.Name.Length > 0)
        {
            PrintAnnotations(ns.Annotations, string.Empty);
            _out.Append("namespace ").Append(ns.Name).Append(" {\n");
            indent = "  ";
        }

        var blocks = new List<string>();
        foreach (var common in ns.CommonTypes)
        {
            blocks.Add(Capture(() =>
            {
                PrintAnnotations(common.Annotations, indent);
                _out.Append(indent).Append("type ").Append(common.Name).Append(" = ");
                PrintType(common.Type, indent);
                _out.Append(";\n");
            }));
        }

        foreach (var entity in ns.EntityTypes)
        {
            blocks.Add(Capture(() => PrintEntity(entity, indent)));
        }

        foreach (var action in ns.Actions)
        {
            blocks.Add(Capture(() => PrintAction(action, indent)));
        }

        _out.Append(string.Join("\n", blocks));
        if (ns.Name.Length > 0)
        {
            _out.Append("}\n");
        }
    }

    private string Capture(Action print)
    {
        int start = _out.Length;
        print();
        string text = _out.ToString(start, _out.Length - start);
        _out.Length = start;
        return text;
    }

    private void PrintEntity(SchemaEntityTypeDecl entity, string indent)
    {
        PrintAnnotations(entity.Annotations, indent);
        _out.Append(indent).Append("entity ").Append(entity.Name);
        if (entity.EnumIds is { } ids)
        {
            _out.Append(" enum [").Append(string.Join(", ", ids.Select(SchemaTextEscaper.Quote))).Append("];\n");
            return;
        }

        if (entity.MemberOfTypes.Count > 0)
        {
            _out.Append(" in [").Append(string.Join(", ", entity.MemberOfTypes.Select(n => n.Text))).Append(']');
        }

        if (entity.Shape is SchemaRecordTypeExpr { Attributes.Count: > 0 } or SchemaRecordTypeExpr { AdditionalAttributes: true })
        {
            _out.Append(" = ");
            PrintType(entity.Shape, indent);
        }
        else if (entity.Shape is not null and not SchemaRecordTypeExpr)
        {
            throw new CedarSchemaException(new SchemaDiagnostic(
                $"the shape of entity type `{entity.Name}` is not a record literal, which the text format cannot express"));
        }

        if (entity.Tags is not null)
        {
            _out.Append(" tags ");
            PrintType(entity.Tags, indent);
        }

        _out.Append(";\n");
    }

    private void PrintAction(SchemaActionDecl action, string indent)
    {
        PrintAnnotations(action.Annotations, indent);
        _out.Append(indent).Append("action ").Append(SchemaTextEscaper.Quote(action.Name));
        if (action.MemberOf.Count > 0)
        {
            var refs = action.MemberOf.Select(r => $"{r.Type ?? "Action"}::{SchemaTextEscaper.Quote(r.Id)}");
            _out.Append(" in [").Append(string.Join(", ", refs)).Append(']');
        }

        // An empty principal or resource list means the action applies to nothing, which the text format says by
        // leaving `appliesTo` out (it rejects `principal: []`).
        if (action.AppliesTo is { PrincipalTypes.Count: > 0, ResourceTypes.Count: > 0 } applies)
        {
            string inner = indent + "  ";
            _out.Append(" appliesTo {\n");
            _out.Append(inner).Append("principal: [").Append(string.Join(", ", applies.PrincipalTypes.Select(n => n.Text))).Append("],\n");
            _out.Append(inner).Append("resource: [").Append(string.Join(", ", applies.ResourceTypes.Select(n => n.Text))).Append("],\n");
            _out.Append(inner).Append("context: ");
            PrintType(applies.Context ?? new SchemaRecordTypeExpr([]), inner);
            _out.Append('\n').Append(indent).Append('}');
        }

        _out.Append(";\n");
    }

    private void PrintAnnotations(IReadOnlyList<SchemaAnnotation> annotations, string indent)
    {
        foreach (var annotation in annotations)
        {
            _out.Append(indent).Append('@').Append(annotation.Key);
            _out.Append('(').Append(SchemaTextEscaper.Quote(annotation.Value)).Append(")\n");
        }
    }

    private void PrintType(SchemaTypeExpr type, string indent)
    {
        switch (type)
        {
            case SchemaPrimitiveTypeExpr p:
                _out.Append(p.Kind switch
                {
                    SchemaPrimitive.Long => "__cedar::Long",
                    SchemaPrimitive.String => "__cedar::String",
                    _ => "__cedar::Bool",
                });
                break;
            case SchemaExtensionTypeExpr e:
                _out.Append("__cedar::").Append(e.Name);
                break;
            case SchemaEntityRefTypeExpr e:
                _out.Append(e.Name);
                break;
            case SchemaCommonRefTypeExpr c:
                _out.Append(c.Name);
                break;
            case SchemaNameTypeExpr n:
                _out.Append(n.Name);
                break;
            case SchemaSetTypeExpr s:
                _out.Append("Set<");
                PrintType(s.Element, indent);
                _out.Append('>');
                break;
            case SchemaRecordTypeExpr r:
                PrintRecord(r, indent);
                break;
        }
    }

    private void PrintRecord(SchemaRecordTypeExpr record, string indent)
    {
        if (record.AdditionalAttributes)
        {
            throw new CedarSchemaException(new SchemaDiagnostic(
                "a record type with `additionalAttributes` cannot be expressed in the text format"));
        }

        if (record.Attributes.Count == 0)
        {
            _out.Append("{}");
            return;
        }

        string inner = indent + "  ";
        _out.Append("{\n");
        for (int i = 0; i < record.Attributes.Count; i++)
        {
            var attribute = record.Attributes[i];
            PrintAnnotations(attribute.Annotations, inner);
            _out.Append(inner).Append(SchemaTextEscaper.Name(attribute.Name));
            _out.Append(attribute.Required ? ": " : "?: ");
            PrintType(attribute.Type, inner);
            _out.Append(i + 1 < record.Attributes.Count ? ",\n" : "\n");
        }

        _out.Append(indent).Append('}');
    }
}
