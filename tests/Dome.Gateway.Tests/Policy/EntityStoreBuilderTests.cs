using Dome.Cedar;
using Dome.Cedar.Evaluation;
using Dome.Gateway.Policy;

namespace Dome.Gateway.Tests.Policy;

/// <summary>
/// The gateway builds each call's Cedar entities as values (<see cref="EntityStoreBuilder"/>); these decide exactly as
/// the same entities read from Cedar's entities JSON would (the way they were built before).
/// </summary>
public sealed class EntityStoreBuilderTests
{
    private const string SameEntitiesAsJson = """
        [
          {"uid": {"type": "Dome::Agent", "id": "agent-1"}, "parents": [{"type": "Dome::Workspace", "id": "default"}],
           "attrs": {"name": "support-bot", "tier": "standard", "owner": "ops@example.com", "workspace": "default", "status": "active"}},
          {"uid": {"type": "Dome::Workspace", "id": "default"}, "parents": [{"type": "Dome::Tenant", "id": "t1"}], "attrs": {}},
          {"uid": {"type": "Dome::Tenant", "id": "t1"}, "parents": [], "attrs": {}},
          {"uid": {"type": "Dome::Tool", "id": "zendesk/create_ticket"}, "parents": [{"type": "Dome::Connection", "id": "zendesk"}],
           "attrs": {"name": "zendesk/create_ticket", "connection": "zendesk", "operation": "create_ticket", "tags": ["tickets", "write"], "risk": "high"}},
          {"uid": {"type": "Dome::Connection", "id": "zendesk"}, "parents": [{"type": "Dome::Tenant", "id": "t1"}], "attrs": {}},
          {"uid": {"type": "Dome::User", "id": "idp#u1"}, "parents": [], "attrs": {"groups": ["support"], "email": "u@example.com", "customer": "acme"}}
        ]
        """;

    public static TheoryData<string> Conditions =>
    [
        "principal in Dome::Tenant::\"t1\"",
        "principal in Dome::Workspace::\"default\" && resource in Dome::Tenant::\"t1\"",
        "resource in Dome::Connection::\"zendesk\"",
        "resource in Dome::Connection::\"crm\"",
        "principal.tier == \"standard\" && principal.status == \"active\" && principal.owner like \"*@example.com\"",
        "resource.tags.contains(\"write\") && resource.risk == \"high\" && resource.operation == \"create_ticket\"",
        "resource.tags.containsAll([\"tickets\", \"read\"])",
        "context.user.groups.contains(\"support\") && context.user.email == \"u@example.com\" && context.user.customer == \"acme\"",
        "context.user has customer && !(principal has missing)",
        "principal.name == \"other-bot\"",
    ];

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Build_SameEntities_DecidesAsTheJsonForm(string condition)
    {
        var call = Calls.Call(user: new UserFacts { Id = "idp#u1", Email = "u@example.com", Groups = ["support"], Customer = "acme" }) with
        {
            TenantId = "t1",
            Tool = new ToolFacts { Name = "zendesk/create_ticket", Connection = "zendesk", Operation = "create_ticket", Tags = ["tickets", "write"], Risk = "high" },
        };
        call = call with { Agent = call.Agent with { Id = "agent-1", Name = "support-bot", Owner = "ops@example.com", Workspace = "default" } };
        var built = CedarRequestBuilder.Build(call, null, Calls.Now);
        var policies = PolicySet.Parse($"permit (principal, action, resource) when {{ {condition} }};");

        var fromValues = Authorizer.IsAuthorized(built.Request, policies, built.Entities);
        var fromJson = Authorizer.IsAuthorized(built.Request, policies, EntityStore.FromJson(SameEntitiesAsJson));

        Assert.Equal(fromJson.Decision, fromValues.Decision);
        Assert.Equal(fromJson.Errors.Count, fromValues.Errors.Count);
        Assert.Equal(6, built.Entities.Count);
    }

    [Fact]
    public void Add_SameUidTwice_Throws()
    {
        var builder = new EntityStoreBuilder().Add(new EntityUid("Dome::Tenant", "t1"), []);

        Assert.Throws<ArgumentException>(() => builder.Add(new EntityUid("Dome::Tenant", "t1"), new Dictionary<string, CedarValue>()));
    }
}
