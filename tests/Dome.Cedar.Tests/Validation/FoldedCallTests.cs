using Dome.Cedar.Json;
using Dome.Cedar.Schema;
using Dome.Cedar.Validation;

namespace Dome.Cedar.Tests.Validation;

/// <summary>
/// Extension calls with constant arguments are computed at parse time; the validator must still type them as calls
/// (`Bool`, not a singleton `true`/`false`), while genuine boolean literals keep their singleton types, from policy
/// text and from the JSON policy format alike. Expectations are cedar-wasm 4.13.0's `validate` answers.
/// </summary>
public sealed class FoldedCallTests
{
    private static readonly CedarSchema Schema = CedarSchema.ParseText("""
        entity User = { name: String };
        action view appliesTo { principal: [User], resource: [User] };
        """);

    private static PolicySet Json(string body) => CedarJsonPolicies.ParsePolicySet(
        """{"staticPolicies": {"p": {"effect": "permit", "principal": {"op": "All"}, "action": {"op": "All"}, "resource": {"op": "All"}, "conditions": [{"kind": "when", "body": """
        + body + "}]}}, \"templates\": {}, \"templateLinks\": []}");

    [Fact]
    public void Validate_FoldedPredicateInText_IsTypedBool()
    {
        var result = CedarValidator.Validate(PolicySet.Parse("permit(principal, action, resource) when { if ip(\"::1\").isLoopback() then 1 else \"a\" };"), Schema);

        Assert.Contains(result.Errors, e => e.Code == "incompatible-types");
    }

    [Fact]
    public void Validate_FoldedPredicateInJson_IsTypedBool()
    {
        var result = CedarValidator.Validate(Json("""{"if-then-else": {"if": {"isLoopback": [{"ip": [{"Value": "::1"}]}]}, "then": {"Value": 1}, "else": {"Value": "a"}}}"""), Schema);

        Assert.Contains(result.Errors, e => e.Code == "incompatible-types");
    }

    [Fact]
    public void Validate_FalseLiteralInJson_IsAnImpossiblePolicy()
    {
        var result = CedarValidator.Validate(Json("""{"Value": false}"""), Schema);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Contains(result.Warnings, w => w.Code == "impossible-policy");
    }

    [Fact]
    public void Validate_FalseLiteralInJson_ShortCircuitsTheRightOperand()
    {
        var result = CedarValidator.Validate(Json("""{"&&": {"left": {"Value": false}, "right": {"==": {"left": {"Value": 1}, "right": {"Value": "a"}}}}}"""), Schema);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Contains(result.Warnings, w => w.Code == "impossible-policy");
    }
}
