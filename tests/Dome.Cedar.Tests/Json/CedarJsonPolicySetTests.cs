using System.Text.Json.Nodes;
using Dome.Cedar.Json;

namespace Dome.Cedar.Tests.Json;

// Policy-set JSON shape and the rejections below were checked against the reference
// (@cedar-policy/cedar-wasm 4.13.0, checkParsePolicySet on the same JSON).
public sealed class CedarJsonPolicySetTests
{
    private const string Text = """
        @id("static") permit(principal == User::"alice", action == Action::"view", resource);
        forbid(principal, action, resource) when { context.risk > 3 };
        permit(principal == ?principal, action in [Action::"view", Action::"edit"], resource in ?resource);
        permit(principal in ?principal, action, resource);
        """;

    [Fact]
    public void ToJsonThenParse_SetWithLinks_KeepsEveryPolicy()
    {
        var set = PolicySet.Parse(Text)
            .Link("policy2", "link-a", EntityUid.Parse("User::\"bob\""), EntityUid.Parse("Folder::\"f\""))
            .Link("policy3", "link-b", EntityUid.Parse("Group::\"g\""));

        var json = CedarJsonPolicies.ToJson(set);
        var back = CedarJsonPolicies.ParsePolicySet(json);

        Assert.Equal(set.Policies.Select(p => p.Id).Order(), back.Policies.Select(p => p.Id).Order());
        Assert.Equal(set.Templates.Select(p => p.Id).Order(), back.Templates.Select(p => p.Id).Order());
        foreach (var policy in set.Policies.Concat(set.Templates))
        {
            var other = back.Find(policy.Id);
            Assert.NotNull(other);
            Assert.Equal(policy.TemplateId, other.TemplateId);
            Assert.Equal(CedarJsonPolicies.ToJson(policy), CedarJsonPolicies.ToJson(other));
        }

        Assert.Equal(json, CedarJsonPolicies.ToJson(back));
    }

    [Fact]
    public void ToJson_SetWithLinks_HasReferenceShape()
    {
        var set = PolicySet.Parse(Text).Link("policy2", "link-a", EntityUid.Parse("User::\"bob\""), EntityUid.Parse("Folder::\"f\""));

        var node = JsonNode.Parse(CedarJsonPolicies.ToJson(set))!;

        Assert.Equal(["policy0", "policy1"], node["staticPolicies"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["policy2", "policy3"], node["templates"]!.AsObject().Select(p => p.Key));
        var link = node["templateLinks"]![0]!;
        Assert.Equal("policy2", link["templateId"]!.GetValue<string>());
        Assert.Equal("link-a", link["newId"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"?principal":{"type":"User","id":"bob"},"?resource":{"type":"Folder","id":"f"}}"""),
            link["values"]));
    }

    [Fact]
    public void ParsePolicySet_EntityEscapeInLinkValues_IsAccepted()
    {
        var json = """
            {"templates":{"t":{"effect":"permit","principal":{"op":"==","slot":"?principal"},"action":{"op":"All"},"resource":{"op":"All"},"conditions":[]}},
             "templateLinks":[{"templateId":"t","newId":"l","values":{"?principal":{"__entity":{"type":"U","id":"x"}}}}]}
            """;

        var set = CedarJsonPolicies.ParsePolicySet(json);

        var linked = Assert.Single(set.Policies);
        Assert.Equal("l", linked.Id);
        Assert.Equal("t", linked.TemplateId);
        Assert.Contains("principal == U::\"x\"", linked.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParsePolicySet_Empty_GivesEmptySet()
    {
        var set = CedarJsonPolicies.ParsePolicySet("{}");
        Assert.Empty(set.Policies);
        Assert.Empty(set.Templates);
    }

    private const string P = """{"effect":"permit","principal":{"op":"All"},"action":{"op":"All"},"resource":{"op":"All"},"conditions":[]}""";
    private const string T = """{"effect":"permit","principal":{"op":"==","slot":"?principal"},"action":{"op":"All"},"resource":{"op":"All"},"conditions":[]}""";
    private const string U = """{"type":"U","id":"x"}""";

    [Theory]
    [InlineData("""{"staticPolicies":{"a":{{T}}}}""", "static policy `a` contains a slot")]
    [InlineData("""{"templates":{"t":{{P}}}}""", "template `t` has no slot")]
    [InlineData("""{"templates":{"t":{{T}}},"templateLinks":[{"templateId":"t","newId":"l","values":{}}]}""", "gives no value for slot `?principal`")]
    [InlineData("""{"templates":{"t":{{T}}},"templateLinks":[{"templateId":"t","newId":"l","values":{"?principal":{{U}},"?resource":{{U}}}}]}""", "gives a value for slot `?resource`, which template `t` does not have")]
    [InlineData("""{"staticPolicies":{"l":{{P}}},"templates":{"t":{{T}}},"templateLinks":[{"templateId":"t","newId":"l","values":{"?principal":{{U}}}}]}""", "template link id `l` conflicts with an existing policy id")]
    [InlineData("""{"templates":{"t":{{T}}},"templateLinks":[{"templateId":"t","newId":"t","values":{"?principal":{{U}}}}]}""", "template link id `t` conflicts")]
    [InlineData("""{"staticPolicies":{"t":{{P}}},"templates":{"t":{{T}}}}""", "duplicate policy or template id `t`")]
    [InlineData("""{"templateLinks":[{"templateId":"zz","newId":"l","values":{}}]}""", "names unknown template `zz`")]
    [InlineData("""{"staticPolicies":{"a":{{P}}},"templateLinks":[{"templateId":"a","newId":"l","values":{}}]}""", "names unknown template `a`")]
    [InlineData("""{"templates":{"t":{{T}}},"templateLinks":[{"templateId":"t","newId":"l","values":{"principal":{{U}}}}]}""", "invalid or repeated slot `principal`")]
    [InlineData("""{"foo":1}""", "unknown field `foo`")]
    [InlineData("""{"templates":{"t":{{T}}},"templateLinks":[{"templateId":"t","newId":"l","values":{"?principal":{{U}}},"x":1}]}""", "unknown field `x`")]
    [InlineData("""{"staticPolicies":[{{P}}]}""", "expected an object of policies by id")]
    public void TryParsePolicySet_Invalid_SaysWhy(string template, string expectedFragment)
    {
        var json = template.Replace("{{T}}", T, StringComparison.Ordinal).Replace("{{P}}", P, StringComparison.Ordinal).Replace("{{U}}", U, StringComparison.Ordinal);

        Assert.False(CedarJsonPolicies.TryParsePolicySet(json, out _, out var error));
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }
}
