namespace Dome.Cedar.Tests.Authorization;

public sealed class AuthorizerTests
{
    private static readonly EntityStore Store = EntityStore.FromJson("""
        [
          {"uid": {"type": "User", "id": "alice"}, "attrs": {"admin": true}, "parents": [{"type": "Group", "id": "staff"}]},
          {"uid": {"type": "User", "id": "bob"}, "attrs": {}, "parents": []},
          {"uid": {"type": "Action", "id": "read"}, "attrs": {}, "parents": [{"type": "Action", "id": "any"}]}
        ]
        """);

    private static AuthorizationResponse Authorize(string policies, string principal, string action = "Action::\"read\"", string resource = "Doc::\"d\"") =>
        Authorizer.IsAuthorized(new Request(EntityUid.Parse(principal), EntityUid.Parse(action), EntityUid.Parse(resource)), PolicySet.Parse(policies), Store);

    [Fact]
    public void IsAuthorized_NoPolicies_DeniesByDefault()
    {
        var response = Authorize(string.Empty, "User::\"alice\"");
        Assert.Equal(Decision.Deny, response.Decision);
        Assert.Empty(response.Reasons);
        Assert.Empty(response.Errors);
    }

    [Fact]
    public void IsAuthorized_MatchingPermit_AllowsWithReason()
    {
        var response = Authorize("permit(principal in Group::\"staff\", action in Action::\"any\", resource);", "User::\"alice\"");
        Assert.True(response.IsAllowed);
        Assert.Equal(["policy0"], response.Reasons);
    }

    [Fact]
    public void IsAuthorized_ForbidAndPermit_ForbidOverrides()
    {
        var response = Authorize("permit(principal, action, resource);\nforbid(principal == User::\"alice\", action, resource);", "User::\"alice\"");
        Assert.Equal(Decision.Deny, response.Decision);
        Assert.Equal(["policy1"], response.Reasons);
    }

    [Fact]
    public void IsAuthorized_ErroringPolicy_IsSkippedAndReported()
    {
        var response = Authorize(
            "permit(principal, action, resource) when { principal.admin };\nforbid(principal, action, resource) when { principal.nope };",
            "User::\"bob\"");
        Assert.Equal(Decision.Deny, response.Decision);
        Assert.Empty(response.Reasons);
        Assert.Equal(["policy0", "policy1"], response.Errors.Select(e => e.PolicyId).Order());
        Assert.All(response.Errors, e => Assert.Contains("does not have the attribute", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void IsAuthorized_ScopeNamesOtherEntities_PolicyDoesNotApply()
    {
        var response = Authorize(
            "permit(principal == User::\"bob\", action, resource);\npermit(principal, action == Action::\"write\", resource);\npermit(principal, action, resource == Doc::\"other\");",
            "User::\"alice\"");
        Assert.Equal(Decision.Deny, response.Decision);
    }

    [Fact]
    public void IsAuthorized_ActionInList_MatchesAncestor()
    {
        var response = Authorize("permit(principal, action in [Action::\"x\", Action::\"any\"], resource is Doc);", "User::\"bob\"");
        Assert.True(response.IsAllowed);
    }

    [Fact]
    public void IsAuthorized_ManyPolicies_OnlyMatchingOnesDecide()
    {
        var text = string.Join("\n", Enumerable.Range(0, 500).Select(i => $"permit(principal == User::\"u{i}\", action, resource);"));
        var response = Authorize(text, "User::\"u321\"");
        Assert.Equal(["policy321"], response.Reasons);
    }

    [Fact]
    public void Link_Template_LinkedPolicyIsEvaluated()
    {
        var set = PolicySet.Parse("permit(principal == ?principal, action, resource in ?resource);");
        Assert.Empty(set.Policies);
        var linked = set.Link("policy0", "link1", EntityUid.Parse("User::\"bob\""), EntityUid.Parse("Folder::\"f\""));
        var request = new Request(EntityUid.Parse("User::\"bob\""), EntityUid.Parse("Action::\"read\""), EntityUid.Parse("Folder::\"f\""));
        var response = Authorizer.IsAuthorized(request, linked, Store);
        Assert.Equal(["link1"], response.Reasons);
        Assert.Equal("policy0", linked.Find("link1")!.TemplateId);
    }

    [Fact]
    public void Link_MissingSlotValue_Throws()
    {
        var set = PolicySet.Parse("permit(principal == ?principal, action, resource);");
        var e = Assert.Throws<CedarParseException>(() => set.Link("policy0", "l"));
        Assert.Contains("`?principal`", e.Message, StringComparison.Ordinal);
    }
}
