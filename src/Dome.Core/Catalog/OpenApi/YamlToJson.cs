using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dome.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Dome.Core.Catalog.OpenApi;

/// <summary>
/// Turns one YAML document into JSON text with the YAML 1.2 core schema: a plain scalar is null (<c>null</c>,
/// <c>~</c>, empty), a boolean (<c>true</c>/<c>false</c> in three casings only: <c>yes</c>, <c>no</c>, <c>on</c>,
/// <c>off</c> stay strings), an integer (decimal, <c>0o</c> octal, <c>0x</c> hex) or a float, else a string; quoted and
/// block scalars are always strings. Mapping keys must be scalars and unique; <c>&lt;&lt;</c> is an ordinary key (no
/// YAML 1.1 merges). Aliases are expanded within bounds (nesting, nodes, output size), so an alias bomb is refused,
/// not expanded. Errors name the line and column.
/// </summary>
internal static class YamlToJson
{
    public const int MaxDepth = 64;

    public const int MaxNodes = 1_000_000;

    private const string CoreTag = "tag:yaml.org,2002:";

    public static string Convert(string yaml, int maxBytes)
    {
        CheckNesting(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw Invalid(e.Start, Reason(e));
        }
        catch (ArgumentException)
        {
            throw DomeException.Invalid("the YAML document is not valid: a mapping repeats a key");
        }

        if (stream.Documents.Count != 1)
        {
            throw DomeException.Invalid($"the YAML text holds {stream.Documents.Count} documents; send exactly one OpenAPI document");
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Min(yaml.Length * 2, maxBytes) + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            var state = new State(writer, maxBytes);
            Write(stream.Documents[0].RootNode, state, 0);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Before any tree is built (the representation model recurses per level): refuses deep nesting, an alias to an
    /// anchor not defined before it, and an alias inside the node its anchor names (a cycle), each at its location.
    /// </summary>
    private static void CheckNesting(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var open = new Stack<string?>();
        var complete = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart when open.Count >= MaxDepth:
                        throw Invalid(parser.Current.Start, $"nesting is deeper than {MaxDepth} levels");
                    case NodeEvent { Anchor.IsEmpty: false } node and (MappingStart or SequenceStart):
                        open.Push(node.Anchor.Value);
                        break;
                    case MappingStart or SequenceStart:
                        open.Push(null);
                        break;
                    case MappingEnd or SequenceEnd when open.Pop() is { } anchor:
                        complete.Add(anchor);
                        break;
                    case AnchorAlias alias when open.Contains(alias.Value.Value):
                        throw Invalid(alias.Start, $"the alias `*{Clip(alias.Value.Value)}` is inside the node its anchor names");
                    case AnchorAlias alias when !complete.Contains(alias.Value.Value):
                        throw Invalid(alias.Start, $"the alias `*{Clip(alias.Value.Value)}` names no anchor defined before it");
                    case Scalar { Anchor.IsEmpty: false } scalar:
                        complete.Add(scalar.Anchor.Value);
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            throw Invalid(e.Start, Reason(e));
        }
    }

    private static void Write(YamlNode node, State state, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Invalid(node.Start, $"nesting is deeper than {MaxDepth} levels (an alias may name a node that contains it)");
        }

        if (++state.Nodes > MaxNodes || state.Writer.BytesCommitted + state.Writer.BytesPending > state.MaxBytes)
        {
            throw Invalid(node.Start, $"the document expands to more than {MaxNodes} nodes or {state.MaxBytes} bytes of JSON (aliases repeat what they name); refusing it");
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                WriteScalar(scalar, state.Writer);
                break;
            case YamlSequenceNode sequence:
                state.Writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(item, state, depth + 1);
                }

                state.Writer.WriteEndArray();
                break;
            case YamlMappingNode mapping:
                state.Writer.WriteStartObject();
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: var name })
                    {
                        throw Invalid(key.Start, "a mapping key must be a scalar (JSON object keys are strings)");
                    }

                    if (!keys.Add(name ?? string.Empty))
                    {
                        throw Invalid(key.Start, $"the key `{Clip(name)}` appears twice in one mapping");
                    }

                    state.Writer.WritePropertyName(name ?? string.Empty);
                    Write(value, state, depth + 1);
                }

                state.Writer.WriteEndObject();
                break;
            default:
                throw Invalid(node.Start, "an alias names no anchor");
        }
    }

    private static void WriteScalar(YamlScalarNode scalar, Utf8JsonWriter writer)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is "!" or CoreTag + "str" || (tag is null && scalar.Style != ScalarStyle.Plain))
        {
            writer.WriteStringValue(text);
            return;
        }

        var resolved = Resolve(text, out var number);
        var wanted = tag switch
        {
            null => resolved,
            CoreTag + "null" => Kind.Null,
            CoreTag + "bool" => Kind.Bool,
            CoreTag + "int" => Kind.Int,
            CoreTag + "float" => resolved == Kind.Int ? Kind.Int : Kind.Float,
            _ => throw Invalid(scalar.Start, $"the tag `{Clip(tag)}` is not supported; use plain JSON-compatible values"),
        };
        if (wanted != resolved && !(wanted == Kind.Float && resolved == Kind.Int))
        {
            throw Invalid(scalar.Start, $"`{Clip(text)}` is not a valid `{tag![CoreTag.Length..]}`");
        }

        switch (resolved)
        {
            case Kind.Null:
                writer.WriteNullValue();
                break;
            case Kind.Bool:
                writer.WriteBooleanValue(text[0] is 't' or 'T');
                break;
            case Kind.Int or Kind.Float:
                writer.WriteRawValue(number!, skipInputValidation: false);
                break;
            case Kind.NotANumber:
                throw Invalid(scalar.Start, $"`{Clip(text)}` (infinity or not-a-number) has no JSON form");
            default:
                writer.WriteStringValue(text);
                break;
        }
    }

    /// <summary>The YAML 1.2 core schema's resolution of a plain scalar; <paramref name="json"/> is a number's JSON text.</summary>
    private static Kind Resolve(string text, out string? json)
    {
        json = null;
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return Kind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return Kind.Bool;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF" or ".nan" or ".NaN" or ".NAN":
                return Kind.NotANumber;
        }

        if (YamlNumbers.TryInteger(text, out var integer))
        {
            json = integer.ToString(CultureInfo.InvariantCulture);
            return Kind.Int;
        }

        if (YamlNumbers.IsFloat(text))
        {
            json = YamlNumbers.IsJsonNumber(text) ? text : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
            return double.IsFinite(double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture)) ? Kind.Float : Kind.NotANumber;
        }

        return Kind.String;
    }

    private static string Reason(YamlException e) =>
        (e.InnerException is YamlException inner ? inner.Message : e.Message) is { Length: > 0 } message
            ? char.ToLowerInvariant(message[0]) + message[1..].TrimEnd('.')
            : "it cannot be parsed";

    private static DomeException Invalid(Mark at, string problem) =>
        DomeException.Invalid($"the YAML document is not valid at line {at.Line}, column {at.Column}: {problem}");

    private static string Clip(string? text) => text is null ? string.Empty : text.Length <= 60 ? text : text[..60] + "…";

    private enum Kind
    {
        String,
        Null,
        Bool,
        Int,
        Float,
        NotANumber,
    }

    private sealed class State(Utf8JsonWriter writer, int maxBytes)
    {
        public Utf8JsonWriter Writer { get; } = writer;

        public int MaxBytes { get; } = maxBytes;

        public long Nodes { get; set; }
    }
}
