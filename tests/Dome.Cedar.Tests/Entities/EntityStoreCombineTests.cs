using Dome.Cedar.Evaluation;

namespace Dome.Cedar.Tests.Entities;

/// <summary><see cref="EntityStore.Combine"/> decides exactly as one store built from all the entities would.</summary>
public sealed class EntityStoreCombineTests
{
    private const string AllAsJson = """
        [
          {"uid": {"type": "Dome::Agent", "id": "a1"}, "attrs": {"tier": "standard"}, "parents": [{"type": "Dome::Workspace", "id": "w1"}]},
          {"uid": {"type": "Dome::Workspace", "id": "w1"}, "attrs": {}, "parents": [{"type": "Dome::Tenant", "id": "t1"}]},
          {"uid": {"type": "Dome::Tenant", "id": "t1"}, "attrs": {}, "parents": []},
          {"uid": {"type": "Dome::Tool", "id": "z/c"}, "attrs": {"risk": "high"}, "parents": [{"type": "Dome::Connection", "id": "z"}]},
          {"uid": {"type": "Dome::Connection", "id": "z"}, "attrs": {}, "parents": [{"type": "Dome::Tenant", "id": "t1"}]},
          {"uid": {"type": "Dome::User", "id": "u1"}, "attrs": {"groups": ["support"]}, "parents": []}
        ]
        """;

    private static readonly EntityUid Agent = new("Dome::Agent", "a1");
    private static readonly EntityUid Tool = new("Dome::Tool", "z/c");
    private static readonly EntityUid Tenant = new("Dome::Tenant", "t1");

    [Theory]
    [InlineData("permit (principal in Dome::Tenant::\"t1\", action, resource in Dome::Tenant::\"t1\");")]
    [InlineData("permit (principal in Dome::Workspace::\"w1\", action, resource in Dome::Connection::\"z\");")]
    [InlineData("permit (principal, action, resource) when { principal.tier == \"standard\" && resource.risk == \"high\" };")]
    [InlineData("permit (principal, action, resource) when { Dome::User::\"u1\".groups.contains(\"support\") };")]
    [InlineData("permit (principal, action, resource) when { Dome::Connection::\"z\" in Dome::Tenant::\"t1\" && !(Dome::Tenant::\"t1\" in Dome::Workspace::\"w1\") };")]
    [InlineData("permit (principal, action, resource) when { Dome::Tenant::\"t1\".missing == 1 };")]
    [InlineData("permit (principal, action, resource) when { Dome::Agent::\"other\".tier == \"x\" };")]
    [InlineData("permit (principal, action, resource) unless { Dome::Tenant::\"t1\" has tier || Dome::User::\"u1\" has groups };")]
    public void Combine_DisjointParts_DecidesAsOneStore(string policy)
    {
        var policies = PolicySet.Parse(policy);
        var request = new Request(Agent, new EntityUid("Dome::Action", "call"), Tool);
        var combined = EntityStore.Combine(AgentPart(), ToolPart(), UserPart());

        var fromParts = Authorizer.IsAuthorized(request, policies, combined);
        var fromOne = Authorizer.IsAuthorized(request, policies, EntityStore.FromJson(AllAsJson));

        Assert.Equal(fromOne.Decision, fromParts.Decision);
        Assert.Equal(fromOne.Reasons, fromParts.Reasons);
        Assert.Equal(fromOne.Errors.Select(e => e.Message), fromParts.Errors.Select(e => e.Message));
        Assert.Equal(6, combined.Count);
        Assert.Equal(["Dome::Connection::\"z\"", "Dome::Tenant::\"t1\""], combined.AncestorsOf(Tool)!.Select(u => u.ToString()).Order());
    }

    [Fact]
    public void Combine_NestedCombinations_HoldEveryEntity()
    {
        var combined = EntityStore.Combine(EntityStore.Combine(AgentPart(), ToolPart()), UserPart());

        Assert.Equal(6, combined.Count);
        Assert.True(combined.Contains(new EntityUid("Dome::User", "u1")));
        Assert.True(combined.Contains(Tenant));
        Assert.False(combined.Contains(new EntityUid("Dome::User", "u2")));
    }

    [Fact]
    public void Combine_PartExtendsAnotherPartsParent_AncestorsSpanBoth()
    {
        // :: The user's group is defined in the other part, with a parent of its own: the user is in both.
        var user = new EntityStoreBuilder().Add(new EntityUid("G", "user"), [], new EntityUid("G", "team")).Build();
        var groups = new EntityStoreBuilder()
            .Add(new EntityUid("G", "team"), [], new EntityUid("G", "org"))
            .Add(new EntityUid("G", "org"), [])
            .Build();

        var combined = EntityStore.Combine(user, groups);

        Assert.Equal(["G::\"org\"", "G::\"team\""], combined.AncestorsOf(new EntityUid("G", "user"))!.Select(u => u.ToString()).Order());
        var request = new Request(new EntityUid("G", "user"), new EntityUid("Action", "a"), new EntityUid("R", "r"));
        Assert.True(Authorizer.IsAuthorized(request, PolicySet.Parse("permit (principal in G::\"org\", action, resource);"), combined).IsAllowed);
    }

    [Fact]
    public void Combine_SameEntityInTwoParts_Throws()
    {
        var again = new EntityStoreBuilder().Add(Tenant, []).Build();

        var e = Assert.Throws<ArgumentException>(() => EntityStore.Combine(AgentPart(), again));
        Assert.Contains("duplicate entity `Dome::Tenant::\"t1\"`", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_CycleAcrossParts_Throws()
    {
        var a = new EntityStoreBuilder().Add(new EntityUid("G", "a"), [], new EntityUid("G", "b")).Build();
        var b = new EntityStoreBuilder().Add(new EntityUid("G", "b"), [], new EntityUid("G", "a")).Build();

        var e = Assert.Throws<CedarParseException>(() => EntityStore.Combine(a, b));
        Assert.Contains("has a cycle containing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtensionValueFactories_EqualTheParsedValues()
    {
        var parsed = Request.ParseContext("""
            {"t": {"__extn": {"fn": "datetime", "arg": "2026-11-22T10:00:00.123Z"}}, "d": {"__extn": {"fn": "decimal", "arg": "-1.2500"}}}
            """);

        var time = ExtensionValue.DatetimeFromEpochMilliseconds(new DateTimeOffset(2026, 11, 22, 10, 0, 0, 123, TimeSpan.Zero).ToUnixTimeMilliseconds());
        var number = ExtensionValue.DecimalFromScaled(-12_500);

        Assert.Equal(parsed.Attributes["t"], time);
        Assert.Equal(parsed.Attributes["d"], number);
        Assert.Equal("datetime(\"2026-11-22T10:00:00.123Z\")", time.ToString());
        Assert.Equal("decimal(\"-1.25\")", number.ToString());
    }

    [Fact]
    public void RecordValueFromDictionary_NotOrdinal_Throws()
    {
        var ignoringCase = new Dictionary<string, CedarValue>(StringComparer.OrdinalIgnoreCase) { ["a"] = LongValue.Of(1) };
        var ordinal = new Dictionary<string, CedarValue>(StringComparer.Ordinal) { ["a"] = LongValue.Of(1) };

        Assert.Throws<ArgumentException>(() => RecordValue.FromDictionary(ignoringCase));
        var record = RecordValue.FromDictionary(ordinal);
        Assert.True(record.Has("a"));
        Assert.False(record.Has("A"));
    }

    private static EntityStore AgentPart() => new EntityStoreBuilder()
        .Add(Agent, new Dictionary<string, CedarValue>(StringComparer.Ordinal) { ["tier"] = new StringValue("standard") }, new EntityUid("Dome::Workspace", "w1"))
        .Add(new EntityUid("Dome::Workspace", "w1"), [], Tenant)
        .Add(Tenant, [])
        .Build();

    private static EntityStore ToolPart() => new EntityStoreBuilder()
        .Add(Tool, new Dictionary<string, CedarValue>(StringComparer.Ordinal) { ["risk"] = new StringValue("high") }, new EntityUid("Dome::Connection", "z"))
        .Add(new EntityUid("Dome::Connection", "z"), [], Tenant)
        .Build();

    private static EntityStore UserPart() => new EntityStoreBuilder()
        .Add(new EntityUid("Dome::User", "u1"), new Dictionary<string, CedarValue>(StringComparer.Ordinal) { ["groups"] = SetValue.Of([new StringValue("support")]) })
        .Build();
}
