using Dome.Cedar.Schema;

namespace Dome.Cedar.Tests.Schema;

/// <summary>
/// Namespace rules found by the validation differential test (each checked against cedar-wasm 4.13.0): action group
/// references fall back to the empty namespace, namespaced definitions must not shadow empty-namespace ones, and the
/// empty namespace takes no annotations in the JSON format.
/// </summary>
public sealed class SchemaNamespaceRulesTests
{
    [Theory]
    [InlineData("""{"id": "call"}""")]
    [InlineData("""{"id": "call", "type": "Action"}""")]
    public void ParseJson_ActionGroupOnlyInEmptyNamespace_ResolvesThere(string reference)
    {
        string json = """{"": {"entityTypes": {"U": {}}, "actions": {"call": {}}}, "App": {"entityTypes": {}, "actions": {"delete": {"memberOf": ["""
            + reference + """], "appliesTo": {"principalTypes": ["U"], "resourceTypes": ["U"]}}}}}""";

        var schema = CedarSchema.ParseJson(json);

        var delete = schema.Actions[new SchemaEntityUid("App::Action", "delete")];
        Assert.Equal([new SchemaEntityUid("Action", "call")], delete.Parents);
    }

    [Fact]
    public void ParseText_ActionGroupOnlyInEmptyNamespace_ResolvesThere()
    {
        var schema = CedarSchema.ParseText("""entity U; action call; namespace App { action delete in [Action::"call"] appliesTo { principal: U, resource: U }; }""");

        Assert.Equal([new SchemaEntityUid("Action", "call")], schema.Actions[new SchemaEntityUid("App::Action", "delete")].Parents);
    }

    [Theory]
    [InlineData("entity U; namespace App { entity U; }", "definition of `App::U` illegally shadows the existing definition of `U`")]
    [InlineData("type C = Long; namespace App { type C = String; }", "definition of `App::C` illegally shadows the existing definition of `C`")]
    [InlineData("entity C; namespace App { type C = Long; }", "definition of `App::C` illegally shadows the existing definition of `C`")]
    [InlineData("type C = Long; namespace App { entity C; }", "definition of `App::C` illegally shadows the existing definition of `C`")]
    [InlineData("action a; namespace App { action a; }", "definition of `App::Action::\"a\"` illegally shadows the existing definition of `Action::\"a\"`")]
    public void ParseText_NamespacedDefinitionReusingEmptyNamespaceName_IsRejected(string text, string expected)
    {
        var exception = Assert.Throws<CedarSchemaException>(() => CedarSchema.ParseText(text));

        Assert.Contains(exception.Diagnostics, d => d.Message == expected);
    }

    [Fact]
    public void ParseText_SameNameInTwoNonEmptyNamespaces_IsAccepted()
    {
        var schema = CedarSchema.ParseText("namespace App { entity U; action a; } namespace App::Sub { entity U; action a; }");

        Assert.Contains("App::Sub::U", schema.EntityTypes.Keys);
    }

    [Fact]
    public void ParseJson_AnnotationsOnEmptyNamespace_AreRejected()
    {
        var exception = Assert.Throws<CedarSchemaException>(() =>
            CedarSchema.ParseJson("""{"": {"annotations": {"doc": "x"}, "entityTypes": {}, "actions": {}}}"""));

        Assert.Contains(exception.Diagnostics, d => d.Message.Contains("annotations are not allowed on the empty namespace", StringComparison.Ordinal));
        Assert.NotNull(CedarSchema.ParseJson("""{"App": {"annotations": {"doc": "x"}, "entityTypes": {}, "actions": {}}}"""));
    }
}
