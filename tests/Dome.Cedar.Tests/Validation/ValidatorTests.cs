using Dome.Cedar.Schema;
using Dome.Cedar.Validation;

namespace Dome.Cedar.Tests.Validation;

/// <summary>Error and warning kinds, each case checked against the reference (cedar-wasm 4.13.0, strict mode).</summary>
public sealed class ValidatorTests
{
    private const string Schema = """
        entity User in [Group] = { name: String, age?: Long, tags: Set<String>, manager?: User } tags String;
        entity Group;
        entity Doc = { owner: User, ip: ipaddr };
        entity Color enum ["red", "green"];
        action view appliesTo { principal: [User], resource: [Doc], context: { flag: Bool, n?: Long } };
        action edit in [view] appliesTo { principal: [User], resource: [Doc] };
        """;

    private static readonly CedarSchema Parsed = CedarSchema.ParseText(Schema);

    [Theory]
    [InlineData("permit(principal, action, resource) when { principal.name == \"a\" };")]
    [InlineData("permit(principal, action, resource) when { principal has age && principal.age > 3 };")]
    [InlineData("permit(principal, action, resource) when { principal.hasTag(\"k\") && principal.getTag(\"k\") == \"v\" };")]
    [InlineData("permit(principal, action, resource) when { datetime(\"2024-01-01\") < datetime(\"2024-01-02\") };")]
    [InlineData("permit(principal, action == Action::\"view\", resource) when { context has n && context.n > 1 };")]
    [InlineData("permit(principal, action, resource) when { principal.name like \"a*\" && resource.ip.isInRange(ip(\"10.0.0.0/8\")) };")]
    [InlineData("permit(principal, action, resource) when { resource.owner in principal };")]
    public void Validate_WellTypedPolicy_IsValidWithoutWarnings(string policy)
    {
        var result = CedarValidator.Validate(PolicySet.Parse(policy), Parsed);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("permit(principal, action, resource) when { principal.age > 3 };", "unsafe-optional-attribute-access")]
    [InlineData("permit(principal, action, resource) when { principal.nope };", "unsafe-attribute-access")]
    [InlineData("permit(principal, action, resource) when { principal.name == 1 };", "incompatible-types")]
    [InlineData("permit(principal == Nope::\"x\", action, resource);", "unrecognized-entity-type")]
    [InlineData("permit(principal, action == Action::\"nope\", resource);", "unrecognized-action")]
    [InlineData("permit(principal, action, resource) when { Color::\"blue\" == Color::\"red\" };", "invalid-enum-entity")]
    [InlineData("permit(principal, action, resource) when { principal.tags.contains(1) };", "incompatible-types")]
    [InlineData("permit(principal, action, resource) when { if principal.name == \"a\" then 1 else \"a\" };", "incompatible-types")]
    [InlineData("permit(principal, action, resource) when { principal.getTag(\"k\") == \"v\" };", "unsafe-tag-access")]
    [InlineData("permit(principal, action, resource) when { ip(principal.name).isLoopback() };", "non-literal-extension-constructor")]
    [InlineData("permit(principal, action, resource) when { ip(\"nope\").isLoopback() };", "invalid-extension-argument")]
    [InlineData("permit(principal, action, resource) when { principal in [] };", "empty-set-forbidden")]
    [InlineData("permit(principal, action in [Action::\"view\"], resource) when { context.flag };", "unsafe-attribute-access")]
    [InlineData("permit(principal, action, resource) when { principal.manager.name == \"x\" };", "unsafe-optional-attribute-access")]
    [InlineData("permit(principal, action, resource) when { {a: 1} == {a: \"x\"} };", "incompatible-types")]
    [InlineData("permit(principal, action, resource) when { principal.tags.containsAll([1]) };", "incompatible-types")]
    [InlineData("permit(principal, action, resource) when { decimal(\"1.0\") < decimal(\"2.0\") };", "unexpected-type")]
    [InlineData("permit(principal, action, resource) when { if true then 1 else \"a\" };", "unexpected-type")]
    [InlineData("permit(principal, action, resource) when { principal.name.isEmpty() };", "unexpected-type")]
    public void Validate_IllTypedPolicy_ReportsErrorKind(string policy, string code)
    {
        var result = CedarValidator.Validate(PolicySet.Parse(policy), Parsed);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Code == code);
        Assert.All(result.Errors, e => Assert.Equal("policy0", e.PolicyId));
        Assert.All(result.Errors, e => Assert.NotNull(e.Span));
    }

    [Theory]
    [InlineData("permit(principal, action, resource) when { 1 == \"a\" };", "impossible-policy")]
    [InlineData("permit(principal in Doc::\"d\", action, resource);", "invalid-action-application")]
    [InlineData("permit(principal in Doc::\"d\", action, resource);", "impossible-policy")]
    [InlineData("permit(principal, action, resource) when { resource.hasTag(\"k\") && resource.getTag(\"k\") == \"v\" };", "impossible-policy")]
    [InlineData("permit(principal, action, resource) when { resource is User };", "impossible-policy")]
    public void Validate_PolicyThatCannotApply_IsValidWithWarning(string policy, string code)
    {
        var result = CedarValidator.Validate(PolicySet.Parse(policy), Parsed);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Contains(result.Warnings, w => w.Code == code);
    }

    [Fact]
    public void Validate_ErrorInSeveralEnvironments_IsReportedOnce()
    {
        var result = CedarValidator.Validate(PolicySet.Parse("permit(principal, action, resource) when { principal.nope };"), Parsed);

        Assert.Single(result.Errors);
        Assert.Contains("`nope`", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Template_ChecksEachSlotLink()
    {
        var set = PolicySet.Parse("permit(principal in ?principal, action, resource) when { principal.name == \"a\" };");

        var result = CedarValidator.Validate(set, Parsed);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Theory]
    [InlineData("if true then ", " else false")]
    [InlineData("(", ")")]
    [InlineData("!(", ")")]
    [InlineData("true && (", ")")]
    public void Validate_DeeplyNestedCondition_CompletesWithoutCrashing(string open, string close)
    {
        int depth = 190;
        string body = string.Concat(Enumerable.Repeat(open, depth)) + "principal.name == \"a\"" + string.Concat(Enumerable.Repeat(close, depth));
        var set = PolicySet.Parse($"permit(principal, action, resource) when {{ {body} }};");

        var result = CedarValidator.Validate(set, Parsed);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }

    [Fact]
    public void Validate_LongFlatChain_CompletesWithoutCrashing()
    {
        string body = string.Join(" && ", Enumerable.Repeat("principal.name == \"a\"", 900));
        var set = PolicySet.Parse($"permit(principal, action, resource) when {{ {body} }};");

        var result = CedarValidator.Validate(set, Parsed);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
    }
}
