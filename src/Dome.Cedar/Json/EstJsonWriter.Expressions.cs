using System.Text.Json;

namespace Dome.Cedar.Json;

/// <summary>Expressions as one-key JSON objects.</summary>
internal static partial class EstJsonWriter
{
    /// <summary>Writes one expression object; refuses trees deeper than <see cref="MaxExpressionDepth"/>.</summary>
    public static void WriteExpr(Utf8JsonWriter writer, EstExpr expr, int depth)
    {
        if (depth > MaxExpressionDepth)
        {
            throw new CedarJsonException($"expression nesting is deeper than {MaxExpressionDepth} levels");
        }

        var next = depth + 1;
        writer.WriteStartObject();
        switch (expr)
        {
            case EstLiteral literal:
                writer.WritePropertyName("Value");
                WriteLiteral(writer, literal.Value);
                break;
            case EstVariable variable:
                writer.WriteString("Var", variable.Name);
                break;
            case EstSlot slot:
                writer.WriteString("Slot", slot.Name);
                break;
            case EstUnary unary:
                writer.WriteStartObject(unary.Op);
                writer.WritePropertyName("arg");
                WriteExpr(writer, unary.Arg, next);
                writer.WriteEndObject();
                break;
            case EstBinary binary:
                writer.WriteStartObject(binary.Op);
                writer.WritePropertyName("left");
                WriteExpr(writer, binary.Left, next);
                writer.WritePropertyName("right");
                WriteExpr(writer, binary.Right, next);
                writer.WriteEndObject();
                break;
            case EstGetAttribute get:
                writer.WriteStartObject(".");
                writer.WritePropertyName("left");
                WriteExpr(writer, get.Left, next);
                writer.WriteString("attr", get.Attribute);
                writer.WriteEndObject();
                break;
            case EstHasAttribute has:
                writer.WriteStartObject("has");
                writer.WritePropertyName("left");
                WriteExpr(writer, has.Left, next);
                if (has.Path.Count == 1)
                {
                    writer.WriteString("attr", has.Path[0]);
                }
                else
                {
                    writer.WriteStartArray("attr");
                    foreach (var name in has.Path)
                    {
                        writer.WriteStringValue(name);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                break;
            case EstLike like:
                writer.WriteStartObject("like");
                writer.WritePropertyName("left");
                WriteExpr(writer, like.Left, next);
                writer.WriteStartArray("pattern");
                foreach (var element in like.Pattern)
                {
                    if (element.IsWildcard)
                    {
                        writer.WriteStringValue("Wildcard");
                    }
                    else
                    {
                        writer.WriteStartObject();
                        writer.WriteString("Literal", element.Literal);
                        writer.WriteEndObject();
                    }
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case EstIs isExpr:
                writer.WriteStartObject("is");
                writer.WritePropertyName("left");
                WriteExpr(writer, isExpr.Left, next);
                writer.WriteString("entity_type", isExpr.EntityType);
                if (isExpr.In is { } inExpr)
                {
                    writer.WritePropertyName("in");
                    WriteExpr(writer, inExpr, next);
                }

                writer.WriteEndObject();
                break;
            case EstIfThenElse ite:
                writer.WriteStartObject("if-then-else");
                writer.WritePropertyName("if");
                WriteExpr(writer, ite.If, next);
                writer.WritePropertyName("then");
                WriteExpr(writer, ite.Then, next);
                writer.WritePropertyName("else");
                WriteExpr(writer, ite.Else, next);
                writer.WriteEndObject();
                break;
            case EstSet set:
                writer.WriteStartArray("Set");
                foreach (var element in set.Elements)
                {
                    WriteExpr(writer, element, next);
                }

                writer.WriteEndArray();
                break;
            case EstRecord record:
                writer.WriteStartObject("Record");
                foreach (var (key, value) in record.Fields)
                {
                    writer.WritePropertyName(key);
                    WriteExpr(writer, value, next);
                }

                writer.WriteEndObject();
                break;
            case EstExtensionCall call:
                writer.WriteStartArray(call.Function);
                foreach (var argument in call.Arguments)
                {
                    WriteExpr(writer, argument, next);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new CedarJsonException($"cannot write expression of type `{expr.GetType().Name}`");
        }

        writer.WriteEndObject();
    }

    private static void WriteLiteral(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case EstEntityRef entity:
                writer.WriteStartObject();
                writer.WritePropertyName("__entity");
                WriteEntityRef(writer, entity);
                writer.WriteEndObject();
                break;
            default:
                throw new CedarJsonException($"cannot write literal of type `{value.GetType().Name}`");
        }
    }
}
