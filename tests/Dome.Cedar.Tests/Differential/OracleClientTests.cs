using Dome.Cedar.Tests.Differential.Oracle;

namespace Dome.Cedar.Tests.Differential;

/// <summary>The oracle wrapper itself: batch shape, and 64-bit integers kept exact through JavaScript.</summary>
public sealed class OracleClientTests
{
    [Fact]
    public void Authorize_IntegersBeyondTwoToThe53_StayExact()
    {
        const string batch = """
            {"cases":[{"name":"exact","policies":{"staticPolicies":
              "permit(principal, action, resource) when { context.x == 9007199254740993 };\npermit(principal, action, resource) when { principal.n == 9223372036854775807 && context.x + 9223372036854775000 > 0 };"},
             "entities":[{"uid":{"type":"User","id":"a"},"attrs":{"n":9223372036854775807},"parents":[]}],
             "requests":[
              {"principal":{"type":"User","id":"a"},"action":{"type":"Action","id":"x"},"resource":{"type":"R","id":"r"},"context":{"x":9007199254740993}},
              {"principal":{"type":"User","id":"a"},"action":{"type":"Action","id":"x"},"resource":{"type":"R","id":"r"},"context":{"x":9007199254740992}}]}]}
            """;

        var result = Assert.Single(OracleClient.Locate().Authorize(batch));

        Assert.Null(result.ParseErrors);
        Assert.Equal(2, result.Responses.Count);
        Assert.Equal(["policy0"], result.Responses[0].Reason);
        Assert.Equal(["policy1"], result.Responses[0].Errors);
        Assert.Empty(result.Responses[1].Reason);
        Assert.Equal("deny", result.Responses[1].Decision);
    }

    [Fact]
    public void ToJson_LargeLiteral_KeepsDigits()
    {
        var json = OracleClient.Locate().ToJson(
            new Dictionary<string, string> { ["p"] = "permit(principal, action, resource) when { context.x == 9223372036854775807 };" },
            new Dictionary<string, string> { ["t"] = "permit(principal == ?principal, action, resource);" });

        Assert.Contains("9223372036854775807", json.Policies["p"], StringComparison.Ordinal);
        Assert.Contains("?principal", json.Templates["t"], StringComparison.Ordinal);
        Assert.Empty(json.Errors);
    }

    [Fact]
    public void ToJson_InvalidPolicy_ReportsError()
    {
        var json = OracleClient.Locate().ToJson(
            new Dictionary<string, string> { ["bad"] = "permit(principal, action, resource) when { 1 + };" },
            new Dictionary<string, string>());

        Assert.Empty(json.Policies);
        Assert.Single(json.Errors["bad"]);
    }
}
