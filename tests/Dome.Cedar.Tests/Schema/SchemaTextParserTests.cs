using Dome.Cedar.Schema;
using Dome.Cedar.Schema.Types;

namespace Dome.Cedar.Tests.Schema;

public sealed class SchemaTextParserTests
{
    private const string PhotoSchema = """
        namespace Photos {
          type Ctx = { authenticated: Bool, ip?: ipaddr };
          @doc("a user")
          entity User in [Group] = { name: String, age?: Long, friends: Set<User> } tags String;
          entity Group;
          entity Color enum ["red", "green"];
          action view in ["read"] appliesTo { principal: [User], resource: Group, context: Ctx };
          action "read";
        }
        entity Top;
        """;

    [Fact]
    public void ParseText_FullSchema_ResolvesEntityTypes()
    {
        var schema = CedarSchema.ParseText(PhotoSchema);

        var user = schema.EntityTypes["Photos::User"];
        Assert.Equal(["Photos::Group"], user.Parents);
        Assert.Equal(StringType.Instance, user.Attributes.Attributes["name"].Type);
        Assert.False(user.Attributes.Attributes["age"].Required);
        Assert.Equal(new SetType(new EntityType("Photos::User")), user.Attributes.Attributes["friends"].Type);
        Assert.Equal(StringType.Instance, user.Tags);
        Assert.Equal("a user", user.Annotations["doc"]);
        Assert.Contains("Photos::User", schema.EntityTypes["Photos::Group"].Descendants);
        Assert.Equal(["red", "green"], schema.EntityTypes["Photos::Color"].EnumIds!);
        Assert.True(schema.EntityTypes.ContainsKey("Top"));
    }

    [Fact]
    public void ParseText_FullSchema_ResolvesActions()
    {
        var schema = CedarSchema.ParseText(PhotoSchema);

        var view = schema.Actions[new SchemaEntityUid("Photos::Action", "view")];
        Assert.Equal(["Photos::User"], view.PrincipalTypes);
        Assert.Equal(["Photos::Group"], view.ResourceTypes);
        Assert.Contains(new SchemaEntityUid("Photos::Action", "read"), view.Ancestors);
        Assert.Equal(new ExtensionType("ipaddr"), view.Context.Attributes["ip"].Type);
        Assert.False(schema.Actions[new SchemaEntityUid("Photos::Action", "read")].AppliesToAnything);
    }

    [Fact]
    public void ParseText_NamePrecedence_LocalCommonThenLocalEntityThenGlobalThenBuiltin()
    {
        var schema = CedarSchema.ParseText("""
            type Foo = String;
            entity Bar;
            entity Long;
            namespace NS {
              entity Baz;
              type Qux = Long;
              entity E = { a: Baz, b: Qux, c: Long, d: ipaddr, f: __cedar::Long, g: Foo, h: Bar };
            }
            """);

        // A namespaced name may not reuse an empty-namespace one (the reference rejects the shadowing; see
        // SchemaNamespaceRulesTests), so local and global names here are all different.
        var attrs = schema.EntityTypes["NS::E"].Attributes.Attributes;
        Assert.Equal(new EntityType("NS::Baz"), attrs["a"].Type);
        Assert.Equal(new EntityType("Long"), attrs["b"].Type);
        Assert.Equal(StringType.Instance, attrs["g"].Type);
        Assert.Equal(new EntityType("Bar"), attrs["h"].Type);
        Assert.Equal(new EntityType("Long"), attrs["c"].Type);
        Assert.Equal(new ExtensionType("ipaddr"), attrs["d"].Type);
        Assert.Equal(LongType.Instance, attrs["f"].Type);
    }

    [Theory]
    [InlineData("entity A {\n  a: Lon g };", "unexpected token `g`", 2, 10)]
    [InlineData("entity A = { a: Foo };", "failed to resolve type `Foo`", 1, 17)]
    [InlineData("entity A;\nentity A;", "entity type `A` is declared twice", 2, 1)]
    [InlineData("type Long = String;", "reserved schema keyword", 1, 1)]
    [InlineData("namespace __cedar { entity A; }", "reserved `__cedar` namespace", 1, 1)]
    [InlineData("entity A enum [];", "unexpected token `]`", 1, 16)]
    [InlineData("entity A; action a appliesTo { principal: [A] };", "missing `resource` declaration", 1, 20)]
    [InlineData("entity A = { a: \"unterminated };", "unterminated string literal", 1, 17)]
    [InlineData("entity A = { a: Long } $", "unexpected character `$`", 1, 24)]
    [InlineData("action a in [\"b\"];", "undeclared action `Action::\"b\"`", 1, 14)]
    [InlineData("action a in [\"b\"];\naction b in [a];", "cycle in the action hierarchy", 1, 1)]
    [InlineData("type A = B;\ntype B = A;", "defined in terms of itself", 2, 10)]
    [InlineData("entity A = { a: String, a: Long };", "duplicate attribute `a`", 1, 25)]
    [InlineData("entity A = { a: \"\\q\" };", "invalid escape `\\q`", 1, 18)]
    [InlineData("entity A", "unexpected end of input", 1, 9)]
    [InlineData("entity A = { if: Long };", "`if` is a reserved identifier", 1, 14)]
    [InlineData("namespace N {\n  entity Action;\n}", "`Action` is reserved", 2, 3)]
    [InlineData("entity A; action a appliesTo { principal: [], resource: [A] };", "`principal` is `[]`", 1, 20)]
    public void ParseText_MalformedSchema_ReportsMessageAndLocation(string text, string expected, int line, int column)
    {
        var ex = Assert.Throws<CedarSchemaException>(() => CedarSchema.ParseText(text));

        var diagnostic = ex.Diagnostics.First(d => d.Message.Contains(expected, StringComparison.Ordinal));
        Assert.NotNull(diagnostic.Span);
        Assert.Equal((line, column), (diagnostic.Span.Value.Line, diagnostic.Span.Value.Column));
        Assert.Equal(char.ToLowerInvariant(diagnostic.Message[0]), diagnostic.Message[0]);
    }

    [Fact]
    public void ParseText_DeeplyNestedSets_ReportsDepthErrorWithoutCrashing()
    {
        string text = "entity A = { a: " + string.Concat(Enumerable.Repeat("Set<", 100_000)) + "Long"
            + new string('>', 100_000) + " };";

        var ex = Assert.Throws<CedarSchemaException>(() => CedarSchema.ParseText(text));

        Assert.Contains("nesting is deeper than the limit", ex.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseText_DeeplyNestedRecords_ReportsDepthErrorWithoutCrashing()
    {
        string text = "entity A = " + string.Concat(Enumerable.Repeat("{ a: ", 100_000)) + "Long"
            + new string('}', 100_000) + ";";

        var ex = Assert.Throws<CedarSchemaException>(() => CedarSchema.ParseText(text));

        Assert.Contains("nesting is deeper than the limit", ex.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseText_HugeStringAnnotation_IsKept()
    {
        string big = new('x', 10_000_000);

        var schema = CedarSchema.ParseText($"@doc(\"{big}\") entity A;");

        Assert.Equal(big.Length, schema.EntityTypes["A"].Annotations["doc"].Length);
    }

    [Fact]
    public void ParseText_EscapesAndQuotedNames_AreDecoded()
    {
        var schema = CedarSchema.ParseText("entity A = { \"my attr\": String }; action \"a\\u{e9}\\n\";");

        Assert.True(schema.EntityTypes["A"].Attributes.Attributes.ContainsKey("my attr"));
        Assert.True(schema.Actions.ContainsKey(new SchemaEntityUid("Action", "a\u00e9\n")));
    }

    [Fact]
    public void ParseText_CommentsAndTrailingCommas_AreAccepted()
    {
        var schema = CedarSchema.ParseText("""
            // leading comment
            entity A = { a: Long, }; // trailing
            action x appliesTo { principal: [A,], resource: [A], context: {}, };
            """);

        Assert.Equal(["A"], schema.Actions[new SchemaEntityUid("Action", "x")].PrincipalTypes);
    }
}
