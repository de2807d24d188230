using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dome.Cedar.Json;

/// <summary>
/// Writes <see cref="EstPolicy"/> as Cedar's JSON policy format, with the reference's key order
/// (<c>effect</c>, <c>principal</c>, <c>action</c>, <c>resource</c>, <c>conditions</c>, then
/// <c>annotations</c> when there are any).
/// </summary>
internal static partial class EstJsonWriter
{
    /// <summary>The deepest expression nesting written; deeper trees are refused rather than risking the stack.</summary>
    public const int MaxExpressionDepth = 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 4 * MaxExpressionDepth,
    };

    private static readonly JsonWriterOptions IndentedOptions = Options with { Indented = true };

    /// <summary>The policy as a JSON string.</summary>
    public static string WritePolicy(EstPolicy policy, bool indented = false) =>
        WriteToString(writer => WritePolicy(writer, policy), indented);

    /// <summary>Runs <paramref name="write"/> against a fresh writer and returns the UTF-16 text.</summary>
    public static string WriteToString(Action<Utf8JsonWriter> write, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, indented ? IndentedOptions : Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes one policy object.</summary>
    public static void WritePolicy(Utf8JsonWriter writer, EstPolicy policy)
    {
        writer.WriteStartObject();
        writer.WriteString("effect", policy.Effect == EstEffect.Permit ? "permit" : "forbid");
        writer.WritePropertyName("principal");
        WriteScope(writer, policy.Principal);
        writer.WritePropertyName("action");
        WriteScope(writer, policy.Action);
        writer.WritePropertyName("resource");
        WriteScope(writer, policy.Resource);
        writer.WriteStartArray("conditions");
        foreach (var condition in policy.Conditions)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", condition.IsWhen ? "when" : "unless");
            writer.WritePropertyName("body");
            WriteExpr(writer, condition.Body, 0);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (policy.Annotations.Count > 0)
        {
            writer.WriteStartObject("annotations");
            foreach (var (key, value) in policy.Annotations)
            {
                if (value is null)
                {
                    writer.WriteNull(key);
                }
                else
                {
                    writer.WriteString(key, value);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteScope(Utf8JsonWriter writer, EstScope scope)
    {
        writer.WriteStartObject();
        switch (scope.Op)
        {
            case EstScopeOp.All:
                writer.WriteString("op", "All");
                break;
            case EstScopeOp.Equal:
            case EstScopeOp.In:
                writer.WriteString("op", scope.Op == EstScopeOp.Equal ? "==" : "in");
                if (scope.Entities is { } entities)
                {
                    writer.WriteStartArray("entities");
                    foreach (var entity in entities)
                    {
                        WriteEntityRef(writer, entity);
                    }

                    writer.WriteEndArray();
                }
                else
                {
                    WriteEntityOrSlot(writer, scope);
                }

                break;
            case EstScopeOp.Is:
                writer.WriteString("op", "is");
                writer.WriteString("entity_type", scope.EntityType);
                if (scope.Entity is not null || scope.Slot is not null)
                {
                    writer.WriteStartObject("in");
                    WriteEntityOrSlot(writer, scope);
                    writer.WriteEndObject();
                }

                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteEntityOrSlot(Utf8JsonWriter writer, EstScope scope)
    {
        if (scope.Slot is { } slot)
        {
            writer.WriteString("slot", slot);
        }
        else if (scope.Entity is { } entity)
        {
            writer.WritePropertyName("entity");
            WriteEntityRef(writer, entity);
        }
    }

    /// <summary>Writes <c>{"type": T, "id": I}</c>.</summary>
    public static void WriteEntityRef(Utf8JsonWriter writer, EstEntityRef entity)
    {
        writer.WriteStartObject();
        writer.WriteString("type", entity.Type);
        writer.WriteString("id", entity.Id);
        writer.WriteEndObject();
    }
}
