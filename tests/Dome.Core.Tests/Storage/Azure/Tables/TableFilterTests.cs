using Dome.Storage.Azure.Tables;

namespace Dome.Core.Tests.Storage.Azure.Tables;

public sealed class TableFilterTests
{
    [Fact]
    public void Literal_EachType_IsODataSyntax()
    {
        Assert.Equal("'o''brien'", TableFilter.Literal("o'brien"));
        Assert.Equal("true", TableFilter.Literal(true));
        Assert.Equal("42", TableFilter.Literal(42));
        Assert.Equal("42L", TableFilter.Literal(42L));
        Assert.Equal("0.5", TableFilter.Literal(0.5));
        Assert.Equal("guid'00000000-0000-0000-0000-000000000001'", TableFilter.Literal(new Guid("00000000-0000-0000-0000-000000000001")));
        Assert.Equal("datetime'2026-01-02T03:04:05.0000000Z'", TableFilter.Literal(new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.FromHours(1))));
        Assert.Equal("X'00FF'", TableFilter.Literal(new byte[] { 0, 255 }));
    }

    [Fact]
    public void Compare_InjectedQuote_StaysInsideTheLiteral()
    {
        Assert.Equal("Name eq 'x'' or true or ''a'", TableFilter.Compare("Name", "eq", "x' or true or 'a"));
    }

    [Theory]
    [InlineData("Name eq 'x' or", "eq")]
    [InlineData("Name", "contains")]
    public void Compare_BadPropertyOrOperator_Throws(string property, string op)
    {
        Assert.Throws<ArgumentException>(() => TableFilter.Compare(property, op, "x"));
    }

    [Fact]
    public void StartsWith_Prefix_IsAHalfOpenRange()
    {
        Assert.Equal("(RowKey ge 'agent|') and (RowKey lt 'agent}')", TableFilter.StartsWith("RowKey", "agent|"));
    }

    [Fact]
    public void And_SeveralClauses_ParenthesizesEach()
    {
        Assert.Equal("(A eq 1) and (B eq 2)", TableFilter.And("A eq 1", "B eq 2"));
        Assert.Equal("A eq 1", TableFilter.And("A eq 1"));
    }
}
