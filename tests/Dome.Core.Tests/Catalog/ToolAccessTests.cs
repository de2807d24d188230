using Dome.Core.Catalog;

namespace Dome.Core.Tests.Catalog;

public sealed class ToolAccessTests
{
    [Theory]
    [InlineData("zendesk", "zendesk/create_ticket", true)]
    [InlineData("zendesk", "zendesk/delete_user", true)]
    [InlineData("zendesk/create_ticket", "zendesk/create_ticket", true)]
    [InlineData("zendesk/create_ticket", "zendesk/delete_user", false)]
    [InlineData("zendesk", "zendesk2/create_ticket", false)]
    [InlineData("zen", "zendesk/create_ticket", false)]
    [InlineData("zendesk/create", "zendesk/create_ticket", false)]
    [InlineData("zendesk/create_ticket_x", "zendesk/create_ticket", false)]
    [InlineData("jira", "zendesk/create_ticket", false)]
    [InlineData("Zendesk", "zendesk/create_ticket", false)]
    [InlineData("zendesk/", "zendesk/create_ticket", false)]
    public void MayCall_Declaration_MatchesConnectionOrExactTool(string declared, string tool, bool expected)
    {
        Assert.True(ToolName.TryParse(tool, out var name, out _));

        Assert.Equal(expected, ToolAccess.MayCall([declared], name));
    }

    [Fact]
    public void MayCall_NothingDeclared_Denies()
    {
        Assert.True(ToolName.TryParse("zendesk/create_ticket", out var name, out _));

        Assert.False(ToolAccess.MayCall([], name));
        Assert.False(ToolAccess.MayCall(["zendesk"], default));
    }

    [Fact]
    public void MayCall_SeveralDeclarations_AnyCovers()
    {
        Assert.True(ToolName.TryParse("jira/create_issue", out var name, out _));

        Assert.True(ToolAccess.MayCall(["zendesk", "slack/post", "jira/create_issue"], name));
    }

    [Theory]
    [InlineData("zendesk")]
    [InlineData("zendesk/")]
    [InlineData("/create")]
    [InlineData("a/b/c")]
    [InlineData("Zendesk/create")]
    [InlineData(null)]
    public void TryParse_NotConnectionSlashTool_Fails(string? text)
    {
        Assert.False(ToolName.TryParse(text, out _, out var problem));
        Assert.NotEmpty(problem);
    }
}
