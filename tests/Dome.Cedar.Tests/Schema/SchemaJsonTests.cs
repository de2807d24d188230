using Dome.Cedar.Schema;
using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Tests.Schema;

public sealed class SchemaJsonTests
{
    private const string Json = """
        {
          "NS": {
            "commonTypes": {
              "T": { "type": "Record", "attributes": {
                "a": { "type": "Long" },
                "x": { "type": "Extension", "name": "ipaddr" },
                "e": { "type": "Entity", "name": "User", "required": false, "annotations": { "a": "b" } },
                "s": { "type": "Set", "element": { "type": "String" } },
                "b": { "type": "Boolean" },
                "c": { "type": "T2" } } },
              "T2": { "type": "String" }
            },
            "entityTypes": {
              "User": { "memberOfTypes": ["User"], "shape": { "type": "Record", "attributes": {}, "additionalAttributes": true } }
            },
            "actions": {
              "a": {},
              "b": { "memberOf": [{ "id": "a" }], "appliesTo": { "principalTypes": ["User"], "resourceTypes": ["User"], "context": { "type": "T" } } }
            }
          }
        }
        """;

    [Fact]
    public void ParseJson_FullSchema_ResolvesTypes()
    {
        var schema = CedarSchema.ParseJson(Json);

        var context = schema.Actions[new SchemaEntityUid("NS::Action", "b")].Context.Attributes;
        Assert.Equal(LongType.Instance, context["a"].Type);
        Assert.Equal(new ExtensionType("ipaddr"), context["x"].Type);
        Assert.Equal(new AttributeType(new EntityType("NS::User"), false), context["e"]);
        Assert.Equal(new SetType(StringType.Instance), context["s"].Type);
        Assert.Equal(BoolType.Any, context["b"].Type);
        Assert.Equal(StringType.Instance, context["c"].Type);
        Assert.True(schema.EntityTypes["NS::User"].Attributes.Open);
        Assert.Contains(new SchemaEntityUid("NS::Action", "a"), schema.Actions[new SchemaEntityUid("NS::Action", "b")].Ancestors);
    }

    [Theory]
    [InlineData("""{"": {"entityTypes": {}}}""", "missing field `actions`", "$[\"\"]")]
    [InlineData("""{"": {"entityTypes": {}, "actions": {}, "foo": 1}}""", "unknown field `foo`", "$[\"\"]")]
    [InlineData("""{"": {"entityTypes": {"A": {"shape": 3}}, "actions": {}}}""", "expected a type, found the number `3`", "$[\"\"].entityTypes[\"A\"].shape")]
    [InlineData("""{"": {"entityTypes": {}, "actions": {"a": {"appliesTo": {"principalTypes": []}}}}}""", "missing field `resourceTypes`", "$[\"\"].actions[\"a\"].appliesTo")]
    [InlineData("""{"": {"entityTypes": {"A": {"shape": {"type": "Set"}}}, "actions": {}}}""", "missing field `element`", "$[\"\"].entityTypes[\"A\"].shape")]
    [InlineData("""{"": {"entityTypes": {"A": {"enum": []}}, "actions": {}}}""", "at least one id", "$[\"\"].entityTypes[\"A\"].enum")]
    [InlineData("""{"": {"entityTypes": {"A": {"enum": ["x"], "memberOfTypes": []}}, "actions": {}}}""", "cannot have `memberOfTypes`", "$[\"\"].entityTypes[\"A\"]")]
    [InlineData("""{"": {"entityTypes": {"A": {"shape": {"type": "Record"}}}, "actions": {}}}""", "missing field `attributes`", "$[\"\"].entityTypes[\"A\"].shape")]
    [InlineData("""{"a b": {"entityTypes": {}, "actions": {}}}""", "invalid namespace `a b`", "$[\"a b\"]")]
    [InlineData("""{"": {"entityTypes": {"in": {}}, "actions": {}}}""", "invalid entity type name `in`", "$[\"\"].entityTypes[\"in\"]")]
    public void ParseJson_WrongShape_ReportsMessageAndPath(string json, string expected, string path)
    {
        var ex = Assert.Throws<CedarSchemaException>(() => CedarSchema.ParseJson(json));

        var diagnostic = Assert.Single(ex.Diagnostics);
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(path, diagnostic.Path);
    }

    [Fact]
    public void ParseJson_CommonTypeReferenceToBuiltin_ResolvesToThePrimitive()
    {
        var schema = CedarSchema.ParseJson("""{"": {"entityTypes": {"A": {"shape": {"type": "Record", "attributes": {"a": {"type": "Bool"}}}}}, "actions": {}}}""");

        Assert.Equal(Dome.Cedar.Schema.Types.BoolType.Any, schema.EntityTypes["A"].Attributes.Attributes["a"].Type);
    }

    [Fact]
    public void ParseJson_SyntaxError_ReportsLineAndColumn()
    {
        var ex = Assert.Throws<CedarSchemaException>(() => CedarSchema.ParseJson("{\n  \"NS\": {,}\n}"));

        var span = Assert.Single(ex.Diagnostics).Span;
        Assert.Equal(2, span!.Value.Line);
        Assert.StartsWith("invalid JSON", ex.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseJson_DeepNesting_ReportsErrorWithoutCrashing()
    {
        string deep = string.Concat(Enumerable.Repeat("{\"type\":\"Set\",\"element\":", 100_000)) + "{\"type\":\"Long\"}" + new string('}', 100_000);
        string json = "{\"\": {\"entityTypes\": {}, \"actions\": {}, \"commonTypes\": {\"T\": " + deep + "}}}";

        var ex = Assert.Throws<CedarSchemaException>(() => CedarSchema.ParseJson(json));

        Assert.Contains("depth", ex.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseJson_UnknownNames_ReportedWithTheirDeclaration()
    {
        string json = """{"": {"entityTypes": {"A": {"memberOfTypes": ["Nope"]}}, "actions": {}}}""";

        var ex = Assert.Throws<CedarSchemaException>(() => CedarSchema.ParseJson(json));

        Assert.Contains("`Nope` in entity type `A`", ex.Diagnostics[0].Message, StringComparison.Ordinal);
    }
}
