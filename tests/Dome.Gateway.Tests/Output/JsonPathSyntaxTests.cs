using Dome.Gateway.Output;

namespace Dome.Gateway.Tests.Output;

public sealed class JsonPathSyntaxTests
{
    [Theory]
    [InlineData("$")]
    [InlineData("$.customer.ssn")]
    [InlineData("$.items[*].card")]
    [InlineData("$.items[0]")]
    [InlineData("$..password")]
    [InlineData("$..*")]
    [InlineData("$.a.*")]
    [InlineData("$['x.y']")]
    [InlineData("$[\"it's\"]")]
    public void TryValidate_ValidPath_True(string path) => Assert.True(JsonPathSyntax.TryValidate(path, out _));

    [Theory]
    [InlineData("", "must start with `$`")]
    [InlineData("customer.ssn", "must start with `$`")]
    [InlineData("$.", "no member name")]
    [InlineData("$.a[", "without `]`")]
    [InlineData("$.a[x]", "`[x]`")]
    [InlineData("$.a[-1]", "`[-1]`")]
    [InlineData("$a", "unexpected `a`")]
    [InlineData("$['a", "unterminated")]
    public void TryValidate_InvalidPath_FalseWithReason(string path, string reason)
    {
        Assert.False(JsonPathSyntax.TryValidate(path, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
