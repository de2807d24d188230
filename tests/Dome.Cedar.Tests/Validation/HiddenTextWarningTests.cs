using Dome.Cedar.Schema;
using Dome.Cedar.Validation;

namespace Dome.Cedar.Tests.Validation;

/// <summary>
/// The hidden-text warnings, each message as cedar-wasm 4.13.0's `validate` words it (checked with it), except that
/// Dome escapes a string's hidden characters where the reference prints them raw (the BIDI case).
/// </summary>
public sealed class HiddenTextWarningTests
{
    private static readonly CedarSchema Schema = CedarSchema.ParseText("""
        entity User = { name: String };
        action view appliesTo { principal: [User], resource: [User] };
        """);

    [Theory]
    [InlineData("permit(principal == User::\"say_\u04BBello\", action, resource);",
        "mixed-script-identifier", "identifier `say_\u04BBello` contains mixed scripts")]
    [InlineData("permit(principal, action, resource) when { principal.name == \"say_\u04BBello\" };",
        "mixed-script-string", "string `\"say_\u04BBello\"` contains mixed scripts")]
    [InlineData("permit(principal, action, resource) when { principal.name like \"*_\u04BBello\" };",
        "mixed-script-string", "string `\"*_\u04BBello\"` contains mixed scripts")]
    [InlineData("permit(principal, action, resource) when { principal.name like \"*\\u{4}\u079F\" };",
        "mixed-script-string", "string `\"*\\u{4}\u079F\"` contains mixed scripts")]
    [InlineData("permit(principal, action, resource) when { principal.name == \"user \u202E&& admin\" };",
        "bidi-characters-string", "string `\"user \\u{202e}&& admin\"` contains BIDI control characters")]
    [InlineData("permit(principal == User::\"r\u03EC\", action, resource);",
        "confusable-identifier", "identifier `r\u03EC` contains the character `\u03EC` which is not a printable ASCII character and falls outside of the General Security Profile for Identifiers")]
    [InlineData("permit(principal, action, resource) when { [{\"\\0\\t\": 1}].contains({\"\\0\\t\": 1}) };",
        "confusable-identifier", "identifier `\\0\\t` contains the character `\\0` which is not a printable ASCII character and falls outside of the General Security Profile for Identifiers")]
    public void Validate_HiddenText_WarnsLikeTheReference(string policy, string code, string message)
    {
        var result = CedarValidator.Validate(PolicySet.Parse(policy), Schema);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var warnings = result.Warnings.Where(w => w.Code != "impossible-policy").ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Equal((code, message), (w.Code, w.Message)));
    }

    [Theory]
    [InlineData("permit(principal == User::\"\u65E5\u672C\u3072\u3089\u304C\u306A\u30AB\u30BF\u30AB\u30CA\", action, resource);")]
    [InlineData("permit(principal, action, resource) when { principal.name == \"\u0928\u092E\u0938\u094D\u0924\u0947 123!\" };")]
    [InlineData("permit(principal, action, resource) when { principal.name like \"*\u00E9t\u00E9*\" };")]
    public void Validate_SingleScriptText_HasNoWarning(string policy)
    {
        var result = CedarValidator.Validate(PolicySet.Parse(policy), Schema);

        Assert.Empty(result.Warnings);
    }
}
