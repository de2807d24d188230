using Dome.Cedar.Schema;
using Dome.Cedar.Validation;

namespace Dome.Cedar.Tests.Validation;

/// <summary>
/// Policies whose outcome was taken from the reference (cedar-wasm 4.13.0, strict mode) against the schema in
/// <see cref="ValidatorTests"/>: validity and the warning kinds. Covers templates, capabilities through `||`,
/// `if` and `!`, action hierarchy literals, tags, extension types and strict equality.
/// </summary>
public sealed class ReferenceCaseTests
{
    private static readonly CedarSchema Schema = CedarSchema.ParseText("""
        entity User in [Group] = { name: String, age?: Long, tags: Set<String>, manager?: User } tags String;
        entity Group;
        entity Doc = { owner: User, ip: ipaddr };
        entity Color enum ["red", "green"];
        action view appliesTo { principal: [User], resource: [Doc], context: { flag: Bool, n?: Long } };
        action edit in [view] appliesTo { principal: [User], resource: [Doc] };
        """);

    public static TheoryData<string, bool, string> Cases => new()
    {
        { "permit(principal in ?principal, action, resource) when { principal.name == \"a\" };", true, "" },
        { "permit(principal == ?principal, action, resource in ?resource);", true, "" },
        { "permit(principal is User in ?principal, action, resource) when { principal.age > 1 };", false, "" },
        { "permit(principal, action, resource is Doc in ?resource) when { resource.owner.name == \"x\" };", true, "" },
        { "permit(principal, action, resource) when { principal.tags.containsAny([\"a\"]) && principal.tags.isEmpty() };", true, "" },
        { "permit(principal, action, resource) when { resource.owner == principal };", true, "" },
        { "permit(principal, action, resource) when { resource == principal };", true, "impossible-policy" },
        { "permit(principal, action, resource) when { resource.owner has age && resource.owner.age == 2 };", true, "" },
        { "permit(principal, action, resource) when { principal has manager && principal.manager has age && principal.manager.age < 3 };", true, "" },
        { "permit(principal, action, resource) when { principal has manager.age && principal.manager.age < 3 };", true, "" },
        { "permit(principal, action, resource) when { (principal has age || principal.name == \"x\") && principal.age > 1 };", false, "" },
        { "permit(principal, action, resource) when { if principal has age then principal.age > 1 else false };", true, "" },
        { "permit(principal, action, resource) when { !(principal has age) || principal.age > 1 };", false, "" },
        { "permit(principal, action, resource) when { context.flag };", false, "" },
        { "permit(principal, action == Action::\"view\", resource) when { context.flag && (context has n) && context.n > 0 };", true, "" },
        { "permit(principal, action, resource) when { action in [Action::\"view\", Action::\"edit\"] };", true, "" },
        { "permit(principal, action, resource) when { principal in Group::\"g\" && Group::\"g\" in principal };", true, "impossible-policy" },
        { "permit(principal, action, resource) when { [principal, resource] == [principal] };", false, "" },
        { "permit(principal, action, resource) when { {a: principal} == {a: resource} };", false, "" },
        { "permit(principal, action, resource) when { principal.getTag(\"a\") > 1 };", false, "" },
        { "permit(principal, action, resource) when { principal.hasTag(\"a\") && principal.getTag(\"a\") like \"x*\" };", true, "" },
        { "permit(principal, action, resource) when { duration(\"1h\").toSeconds() > 10 };", true, "" },
        { "permit(principal, action, resource) when { datetime(\"2024-01-01\").offset(duration(\"1h\")) > datetime(\"2024-01-01\") };", true, "" },
        { "permit(principal, action, resource) when { resource.ip.isIpv4() == true };", true, "" },
        { "permit(principal, action, resource) when { ip(\"1.2.3.4\") == ip(\"1.2.3.4\") };", true, "" },
        { "permit(principal, action, resource) when { decimal(\"1.23\").lessThan(decimal(\"2\")) };", false, "" },
        { "permit(principal, action, resource) when { -principal.age == 1 };", false, "" },
        { "permit(principal, action, resource) when { principal.name + 1 == 2 };", false, "" },
        { "permit(principal, action, resource) when { Action::\"view\" in Action::\"edit\" };", true, "impossible-policy" },
        { "permit(principal, action, resource) when { Action::\"edit\" in Action::\"view\" && principal.nope };", false, "" },
        { "permit(principal, action, resource) when { Action::\"view\" in Action::\"edit\" && principal.nope };", true, "impossible-policy" },
        { "forbid(principal, action, resource) unless { principal.name == \"a\" };", true, "" },
        { "permit(principal, action, resource) when { principal is Group };", true, "impossible-policy" },
        { "permit(principal, action, resource) when { [1, true] == [1] };", false, "" },
        { "permit(principal, action, resource) when { principal.tags == [\"a\", \"b\"] };", true, "" },
        { "permit(principal, action, resource) when { principal in resource.owner };", true, "" },
        { "permit(principal, action, resource) when { resource in principal };", true, "impossible-policy" },
        { "permit(principal, action, resource) when { 1 < 2 && \"a\" like \"a\" };", true, "" },
        { "permit(principal, action, resource) when { principal.manager == resource.owner };", false, "" },
        { "permit(principal, action, resource) when { Color::\"red\" in principal };", true, "impossible-policy" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_ReferenceCase_MatchesReferenceOutcome(string policy, bool valid, string warnings)
    {
        var result = CedarValidator.Validate(PolicySet.Parse(policy), Schema);

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(warnings, string.Join(",", result.Warnings.Select(w => w.Code)));
    }
}
