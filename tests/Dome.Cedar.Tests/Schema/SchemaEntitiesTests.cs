using Dome.Cedar.Evaluation;
using Dome.Cedar.Schema;

namespace Dome.Cedar.Tests.Schema;

public sealed class SchemaEntitiesTests
{
    private static readonly CedarSchema Schema = CedarSchema.ParseText("""
        namespace App {
          entity Group;
          entity User in [Group] = { ip: ipaddr, score?: decimal, boss?: User, labels: Set<String> } tags Long;
          entity Color enum ["red", "green"];
          action read;
          action view in [read] appliesTo { principal: User, resource: Color, context: { from: ipaddr, by?: User } };
        }
        """);

    private static readonly EntityUid View = new("App::Action", "view");

    [Fact]
    public void ParseEntities_StringsAndUidObjects_BecomeExtensionAndEntityValues()
    {
        var store = SchemaEntities.ParseEntities("""
            [{ "uid": {"type": "App::User", "id": "alice"}, "parents": [{"type": "App::Group", "id": "g"}],
               "attrs": { "ip": "10.0.0.1", "score": "1.5", "boss": {"type": "App::User", "id": "bob"}, "labels": ["a"] },
               "tags": { "level": 3 } }]
            """, Schema);

        Assert.True(store.TryGet(new EntityUid("App::User", "alice"), out var alice));
        Assert.Equal("ipaddr", Assert.IsAssignableFrom<ExtensionValue>(alice.Attributes["ip"]).ExtensionType);
        Assert.Equal("decimal", Assert.IsAssignableFrom<ExtensionValue>(alice.Attributes["score"]).ExtensionType);
        Assert.Equal(new EntityUid("App::User", "bob"), Assert.IsType<EntityValue>(alice.Attributes["boss"]).Uid);
    }

    [Fact]
    public void ParseEntities_DanglingReferenceAndMatchingAction_AreAccepted()
    {
        var store = SchemaEntities.ParseEntities("""
            [{ "uid": {"type": "App::User", "id": "a"}, "attrs": { "ip": "10.0.0.1", "labels": [], "boss": {"type": "App::User", "id": "zz"} } },
             { "uid": {"type": "App::Action", "id": "view"}, "parents": [{"type": "App::Action", "id": "read"}] }]
            """, Schema);

        Assert.True(store.Contains(new EntityUid("App::User", "a")));
    }

    [Fact]
    public void ParseEntities_AddsSchemaActionsWithTheirGroups()
    {
        var store = SchemaEntities.ParseEntities("[]", Schema);

        Assert.True(store.TryGet(View, out var view));
        Assert.Contains(new EntityUid("App::Action", "read"), view.Parents);
    }

    [Theory]
    [InlineData("""[{"uid": {"type": "App::User", "id": "a"}, "attrs": {"labels": []}}]""", "required attribute `ip` is missing")]
    [InlineData("""[{"uid": {"type": "App::User", "id": "a"}, "attrs": {"ip": "10.0.0.1", "labels": [], "extra": 1}}]""", "attribute `extra`")]
    [InlineData("""[{"uid": {"type": "App::User", "id": "a"}, "attrs": {"ip": "10.0.0.1", "labels": [1]}}]""", "expected a value of type `__cedar::String`")]
    [InlineData("""[{"uid": {"type": "App::User", "id": "a"}, "attrs": {"ip": "10.0.0.1", "labels": []}, "parents": [{"type": "App::Color", "id": "red"}]}]""", "cannot have a parent of type `App::Color`")]
    [InlineData("""[{"uid": {"type": "App::Color", "id": "blue"}}]""", "not one of the declared ids")]
    [InlineData("""[{"uid": {"type": "App::Nope", "id": "x"}}]""", "not declared in the schema")]
    [InlineData("""[{"uid": {"type": "App::User", "id": "a"}, "attrs": {"ip": "10.0.0.1", "labels": []}, "tags": {"t": "x"}}]""", "in tag `t`")]
    [InlineData("""[{"uid": {"type": "App::Group", "id": "g"}, "tags": {"t": 1}}]""", "does not allow tags")]
    [InlineData("""[{"uid": {"type": "App::Action", "id": "view"}}]""", "does not match its schema declaration")]
    [InlineData("""[{"uid": {"type": "App::Action", "id": "nope"}}]""", "is not declared in the schema")]
    [InlineData("""[{"uid": {"type": "App::User", "id": "a"}, "attrs": {"ip": "10.0.0.1", "labels": [], "boss": {"type": "App::Group", "id": "g"}}}]""", "expected an entity of type `App::User`")]
    public void ParseEntities_NonConformingEntity_IsRejected(string json, string expected)
    {
        var ex = Assert.Throws<CedarParseException>(() => SchemaEntities.ParseEntities(json, Schema));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseContext_WithSchema_ReadsIpAndEntity()
    {
        var context = SchemaEntities.ParseContext("""{"from": "192.168.0.1", "by": {"type": "App::User", "id": "a"}}""", Schema, View);

        Assert.IsAssignableFrom<ExtensionValue>(context.Attributes["from"]);
        Assert.IsType<EntityValue>(context.Attributes["by"]);
    }

    [Fact]
    public void ParseContext_MissingRequiredAttribute_IsRejected()
    {
        var ex = Assert.Throws<CedarParseException>(() => SchemaEntities.ParseContext("{}", Schema, View));

        Assert.Contains("required attribute `from` is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateRequest_AllowedTypes_HasNoProblems()
    {
        var context = SchemaEntities.ParseContext("""{"from": "10.0.0.1"}""", Schema, View);
        var request = new Request(new EntityUid("App::User", "a"), View, new EntityUid("App::Color", "red"), context);

        Assert.Empty(SchemaEntities.ValidateRequest(request, Schema));
    }

    [Theory]
    [InlineData("App::Group", "g", "App::Color", "red", "principal type `App::Group` is not valid")]
    [InlineData("App::User", "a", "App::User", "b", "resource type `App::User` is not valid")]
    [InlineData("App::User", "a", "App::Color", "blue", "not one of the declared ids")]
    public void ValidateRequest_WrongTypesOrIds_AreReported(string pType, string pId, string rType, string rId, string expected)
    {
        var context = SchemaEntities.ParseContext("""{"from": "10.0.0.1"}""", Schema, View);
        var request = new Request(new EntityUid(pType, pId), View, new EntityUid(rType, rId), context);

        var problems = SchemaEntities.ValidateRequest(request, Schema);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateRequest_ActionThatAppliesToNothing_IsReported()
    {
        var request = new Request(new EntityUid("App::User", "a"), new EntityUid("App::Action", "read"), new EntityUid("App::Color", "red"));

        Assert.NotEmpty(SchemaEntities.ValidateRequest(request, Schema));
    }
}
