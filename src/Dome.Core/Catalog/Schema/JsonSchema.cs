using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Dome.Core.Errors;

namespace Dome.Core.Catalog.Schema;

/// <summary>
/// A compiled JSON schema for tool arguments: the subset OpenAPI 3.0 and 3.1 produce. Compile once, validate many
/// times; a compiled schema is immutable and thread-safe.
/// </summary>
/// <remarks>
/// Enforced: <c>type</c> (one or a list; <c>integer</c>; 3.0 <c>nullable</c>), <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c> (boolean or schema), <c>minProperties</c>/<c>maxProperties</c>, <c>enum</c>,
/// <c>const</c>, <c>items</c>, <c>minItems</c>/<c>maxItems</c>, <c>uniqueItems</c>, <c>minimum</c>/<c>maximum</c>,
/// <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> (3.1 numbers or 3.0 booleans), <c>multipleOf</c>,
/// <c>minLength</c>/<c>maxLength</c> (in code points), <c>pattern</c>, <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c>.
/// Annotations (<c>description</c>, <c>format</c>, <c>example</c>, <c>x-*</c>, …) are ignored. Keywords that would
/// constrain the instance but are not implemented (<c>$ref</c>, <c>patternProperties</c>, <c>if</c>, …) make the
/// schema invalid rather than silently accepting more than the author meant (fail closed).
/// </remarks>
public sealed class JsonSchema
{
    /// <summary>How deeply schemas may nest.</summary>
    public const int MaxDepth = 32;

    private readonly SchemaNode root;

    private JsonSchema(SchemaNode root, string text)
    {
        this.root = root;
        Text = text;
    }

    /// <summary>The schema as JSON text.</summary>
    public string Text { get; }

    /// <summary>A schema accepting any JSON object.</summary>
    public static string AnyObject => """{"type":"object"}""";

    public static bool TryParse(string? json, [NotNullWhen(true)] out JsonSchema? schema, [NotNullWhen(false)] out string? problem)
    {
        schema = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            problem = "the input schema is empty";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth * 4 });
            if (!SchemaCompiler.TryCompile(document.RootElement, "$", 0, out var node, out problem))
            {
                return false;
            }

            if (node.Types != SchemaTypes.Object)
            {
                problem = "an input schema must describe a JSON object (`\"type\": \"object\"`)";
                return false;
            }

            schema = new JsonSchema(node, json);
            return true;
        }
        catch (JsonException e)
        {
            problem = $"the input schema is not valid JSON at line {(e.LineNumber ?? 0) + 1}";
            return false;
        }
    }

    /// <summary>Compiles a schema or throws an invalid-request <see cref="DomeException"/> saying what is wrong.</summary>
    public static JsonSchema Parse(string json) =>
        TryParse(json, out var schema, out var problem) ? schema : throw DomeException.Invalid(problem);

    /// <summary>The ways <paramref name="instance"/> breaks the schema, at most <paramref name="maxViolations"/>; empty when valid.</summary>
    /// <remarks>
    /// A first pass only decides (no paths, no messages, stops at the first violation), so valid arguments, the
    /// common case, allocate nothing; only invalid ones are walked again to report where and why.
    /// </remarks>
    public IReadOnlyList<SchemaViolation> Validate(JsonElement instance, int maxViolations = 10)
    {
        if (root.Validate(instance, null, null, 1))
        {
            return [];
        }

        var violations = new List<SchemaViolation>();
        root.Validate(instance, "$", violations, Math.Max(1, maxViolations));
        return violations;
    }

    public bool IsValid(JsonElement instance) => root.Validate(instance, null, null, 1);
}
