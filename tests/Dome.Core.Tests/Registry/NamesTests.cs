using Dome.Core.Registry;

namespace Dome.Core.Tests.Registry;

public sealed class NamesTests
{
    [Theory]
    [InlineData("support-triage")]
    [InlineData("a")]
    [InlineData("agent_2.v1")]
    [InlineData("0abc")]
    public void TryValidate_WellFormed_Accepts(string name) => Assert.True(Names.TryValidate(name, "agent name", out _));

    [Theory]
    [InlineData(null, "agent name is required")]
    [InlineData("", "agent name is required")]
    [InlineData("-lead", "must start with a lowercase letter or a digit")]
    [InlineData("Upper", "must start with a lowercase letter or a digit")]
    [InlineData("has space", "may contain only")]
    [InlineData("slash/inside", "may contain only")]
    public void TryValidate_Malformed_ExplainsWhy(string? name, string expected)
    {
        Assert.False(Names.TryValidate(name, "agent name", out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryValidate_TooLong_SaysTheLimit()
    {
        Assert.False(Names.TryValidate(new string('a', 200), "agent name", out var problem));
        Assert.Equal("agent name is 200 characters long; at most 64 are allowed", problem);
        Assert.True(Names.TryValidate(new string('a', 64), "agent name", out _));
    }

    [Theory]
    [InlineData("zendesk", true)]
    [InlineData("zendesk/create_ticket", true)]
    [InlineData("zendesk/", false)]
    [InlineData("/create", false)]
    [InlineData("a/b/c", false)]
    [InlineData("", false)]
    public void TryValidateTool_ConnectionOrConnectionSlashTool(string tool, bool valid) =>
        Assert.Equal(valid, Names.TryValidateTool(tool, out _));
}
