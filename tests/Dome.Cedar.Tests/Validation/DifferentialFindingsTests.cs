using Dome.Cedar.Schema;
using Dome.Cedar.Validation;

namespace Dome.Cedar.Tests.Validation;

/// <summary>
/// Disagreements the validation differential test found, fixed; each expectation taken from cedar-wasm 4.13.0
/// (strict mode) on the schema of <see cref="ValidatorTests"/>.
/// </summary>
public sealed class DifferentialFindingsTests
{
    private static readonly CedarSchema Schema = CedarSchema.ParseText("""
        entity User in [Group] = { name: String, age?: Long, tags: Set<String>, manager?: User } tags String;
        entity Group;
        entity Doc = { owner: User, ip: ipaddr };
        action view appliesTo { principal: [User], resource: [Doc], context: { flag: Bool, n?: Long } };
        """);

    /// <summary>Conditions nest to the right: a failing clause followed by `false` is not an impossible policy.</summary>
    [Theory]
    [InlineData("permit(principal, action, resource) when { true } when { principal.nope } unless { true };", false)]
    [InlineData("permit(principal, action, resource) when { principal.nope } when { true } unless { true };", false)]
    [InlineData("permit(principal, action, resource) when { principal.nope } when { false } when { true };", false)]
    [InlineData("permit(principal, action, resource) when { (principal.nope && true) && false };", true)]
    [InlineData("permit(principal, action, resource) when { (principal.name == 1) && false };", true)]
    public void Validate_FailingClauseBeforeFalse_ImpossibleOnlyAsTheReferenceNests(string policy, bool impossible)
    {
        var result = CedarValidator.Validate(PolicySet.Parse(policy), Schema);

        Assert.False(result.IsValid);
        Assert.Equal(impossible, result.Warnings.Any(w => w.Code == "impossible-policy"));
    }

    /// <summary>An undeclared action's type is not also reported as an unknown entity type.</summary>
    [Theory]
    [InlineData("permit(principal, action == Other::Action::\"x\", resource);")]
    [InlineData("permit(principal, action, resource) when { action == Other::Action::\"x\" };")]
    public void Validate_UndeclaredActionOfUndeclaredNamespace_ReportsOnlyTheAction(string policy)
    {
        var result = CedarValidator.Validate(PolicySet.Parse(policy), Schema);

        var error = Assert.Single(result.Errors);
        Assert.Equal("unrecognized-action", error.Code);
    }

    [Fact]
    public void Validate_IsUndeclaredActionType_IsNoError()
    {
        var result = CedarValidator.Validate(PolicySet.Parse("permit(principal, action, resource) when { principal is Other::Action };"), Schema);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Contains(result.Warnings, w => w.Code == "impossible-policy");
    }

    [Fact]
    public void Validate_UndeclaredActionInUndeclaredEntity_ReportsBoth()
    {
        var result = CedarValidator.Validate(PolicySet.Parse("permit(principal, action, resource) when { Other::Action::\"x\" in Foo::\"y\" };"), Schema);

        Assert.Equal(["unrecognized-action", "unrecognized-entity-type"], result.Errors.Select(e => e.Code).Order(StringComparer.Ordinal));
    }
}
