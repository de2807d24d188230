using Dome.Core.Errors;
using Dome.Gateway.Output;

namespace Dome.Gateway.Tests.Output;

public sealed class OutputRulesTests
{
    [Fact]
    public void Parse_FullDocument_RoundTrips()
    {
        var rules = OutputRules.Parse("""
            {"redact":["$.customer.ssn","$.items[*].card"],"detect":["secrets","email"],
             "drop":[{"records":"$.tickets[*]","where":"$.visibility","is":"internal"}],"maxBytes":1024,"allowBinary":true}
            """);

        Assert.Equal(["$.customer.ssn", "$.items[*].card"], rules.Redact);
        Assert.Equal(["secrets", "email"], rules.Detect);
        Assert.Equal("internal", rules.Drop[0].Is!.Value.GetString());
        Assert.Equal(1024, rules.MaxBytes);
        Assert.True(rules.AllowBinary);
        var again = OutputRules.Parse(rules.ToJson());
        Assert.Equal(rules.Redact, again.Redact);
        Assert.Equal(rules.Drop[0].Where, again.Drop[0].Where);
    }

    [Theory]
    [InlineData("""{"redact":["customer.ssn"]}""", "must start with `$`")]
    [InlineData("""{"detect":["passwords"]}""", "unknown detector `passwords`")]
    [InlineData("""{"redcat":["$.a"]}""", "redcat")]
    [InlineData("""{"maxBytes":-1}""", "`maxBytes` is -1")]
    [InlineData("""{"drop":[{"records":"$.a[*]","where":"$.b"}]}""", "exactly one of")]
    [InlineData("""{"drop":[{"records":"$.a[*]","where":"$.b","is":1,"exists":true}]}""", "it has 2")]
    [InlineData("""{"drop":[{"records":"$.a[*]","where":"$.b[*]","is":1}]}""", "must name one value")]
    [InlineData("""{"drop":[{"where":"$.b","is":1}]}""", "records")]
    [InlineData("""[1]""", "not valid")]
    [InlineData("""null""", "must be a JSON object")]
    public void Parse_Invalid_ThrowsInvalidRequestSayingWhat(string json, string expected)
    {
        var error = Assert.Throws<DomeException>(() => OutputRules.Parse(json));

        Assert.Equal(DomeErrorCode.InvalidRequest, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_ConnectionAndTool_UnionAndSmallerCap()
    {
        var connection = new OutputRules { Redact = ["$.a"], Detect = ["pii"], MaxBytes = 100 };
        var tool = new OutputRules { Redact = ["$.a", "$.b"], Detect = ["secrets"], MaxBytes = 50, AllowBinary = true };

        var merged = OutputRules.Merge(connection, tool);

        Assert.Equal(["$.a", "$.b"], merged.Redact);
        Assert.Equal(["pii", "secrets"], merged.Detect);
        Assert.Equal(50, merged.MaxBytes);
        Assert.False(merged.AllowBinary);
        Assert.Same(tool, OutputRules.Merge(null, tool));
        Assert.Same(connection, OutputRules.Merge(connection, OutputRules.None));
    }
}
