using Dome.Cedar.Schema;

namespace Dome.Cedar.Tests.Schema;

public sealed class SchemaTranslationTests
{
    [Fact]
    public void JsonToText_ExplicitKinds_PrintsBuiltinsQualified()
    {
        string json = """
            {"NS": {"entityTypes": {"User": {}}, "actions": {"a": {},
              "b": {"memberOf": [{"id": "a"}], "appliesTo": {"principalTypes": ["User"], "resourceTypes": ["User"],
                "context": {"type": "Record", "attributes": {"n": {"type": "Long"}, "ip": {"type": "Extension", "name": "ipaddr", "required": false}}}}}}}}
            """;

        string text = CedarSchema.JsonToText(json);

        Assert.Contains("namespace NS {", text, StringComparison.Ordinal);
        Assert.Contains("n: __cedar::Long", text, StringComparison.Ordinal);
        Assert.Contains("ip?: __cedar::ipaddr", text, StringComparison.Ordinal);
        Assert.Contains("action \"b\" in [Action::\"a\"] appliesTo {", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TextToJson_Names_KeptAsEntityOrCommon()
    {
        string json = CedarSchema.TextToJson("entity User = { n: Long }; action a appliesTo { principal: User, resource: User, context: {} };");

        Assert.Contains("\"type\": \"EntityOrCommon\"", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Long\"", json, StringComparison.Ordinal);
        Assert.Contains("\"principalTypes\": [", json, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonToText_OpenRecord_ReportsThatTextCannotSayIt()
    {
        string json = """{"": {"entityTypes": {"A": {"shape": {"type": "Record", "attributes": {}, "additionalAttributes": true}}}, "actions": {}}}""";

        var ex = Assert.Throws<CedarSchemaException>(() => CedarSchema.JsonToText(json));

        Assert.Contains("additionalAttributes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_JsonToTextToJson_GivesTheSameSchema()
    {
        string json = """
            {"NS": {"commonTypes": {"T": {"type": "Record", "attributes": {"a": {"type": "Long"}, "s": {"type": "Set", "element": {"type": "Entity", "name": "User"}}}}},
              "entityTypes": {"User": {"memberOfTypes": ["Group"], "tags": {"type": "String"}, "annotations": {"doc": "x"}}, "Group": {}, "Color": {"enum": ["r", "g"]}},
              "actions": {"a": {}, "b": {"memberOf": [{"id": "a", "type": "NS::Action"}], "appliesTo": {"principalTypes": ["User"], "resourceTypes": ["Group"], "context": {"type": "T"}}}}}}
            """;
        var original = CedarSchema.ParseJson(json);

        var back = CedarSchema.ParseJson(CedarSchema.TextToJson(CedarSchema.JsonToText(json)));

        Assert.Equal(SchemaDump.Of(original), SchemaDump.Of(back));
    }

    [Fact]
    public void RoundTrip_TextToJsonToText_IsAFixpoint()
    {
        string text = "namespace A {\n  entity U in [G] = { \"x y\": Set<Long>, z?: G } tags String;\n  entity G;\n  action v appliesTo { principal: U, resource: G };\n}\n";
        string once = CedarSchema.JsonToText(CedarSchema.TextToJson(text));

        string twice = CedarSchema.JsonToText(CedarSchema.TextToJson(once));

        Assert.Equal(once, twice);
        Assert.Equal(SchemaDump.Of(CedarSchema.ParseText(text)), SchemaDump.Of(CedarSchema.ParseText(once)));
    }

    [Fact]
    public void ParseText_SampleDataSchemas_MatchTheirJsonTranslation()
    {
        string root = ConformanceData.RequireRoot();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "sample-data"), "*.cedarschema", SearchOption.AllDirectories))
        {
            var text = CedarSchema.ParseText(File.ReadAllText(file));
            var json = CedarSchema.ParseJson(text.ToJson());
            Assert.Equal(SchemaDump.Of(text), SchemaDump.Of(json));
            Assert.NotEmpty(text.Actions);
        }
    }
}
