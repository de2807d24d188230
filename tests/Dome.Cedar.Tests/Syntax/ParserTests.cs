using Dome.Cedar.Syntax;

namespace Dome.Cedar.Tests.Syntax;

public sealed class ParserTests
{
    [Theory]
    [InlineData("permit(principal, action, resource);")]
    [InlineData("permit(principal == User::\"alice\", action == Action::\"view\", resource in Album::\"a\");")]
    [InlineData("forbid(principal is User, action in [Action::\"a\", NS::Action::\"b\"], resource is Photo in Album::\"x\");")]
    [InlineData("permit(principal in A::B::\"g\", action, resource == R::\"r\") when { true } unless { false };")]
    [InlineData("@id(\"p1\") @advice permit(principal, action, resource) when { context.a.b has c.d };")]
    [InlineData("permit(principal == ?principal, action, resource in ?resource);")]
    [InlineData("permit(principal, action, resource) when { if 1 < 2 then [1, \"a\", {x: -3}] else {\"y z\": principal} };")]
    [InlineData("permit(principal, action, resource) when { ip(\"10.0.0.1\").isInRange(ip(\"10.0.0.0/8\")) && decimal(\"1.5\").lessThan(decimal(\"2.0\")) };")]
    [InlineData("permit(principal, action, resource) when { datetime(\"2024-01-01\").offset(duration(\"1d\")) > context.t };")]
    [InlineData("permit(principal, action, resource) when { principal.tags.getTag(\"x\") like \"a*b\\\\*\" && resource.hasTag(\"k\") };")]
    [InlineData("permit(principal, action, resource) when { -9223372036854775808 < 1 && !!(1 + 2 * 3 - 4 == 3) };")]
    [InlineData("permit(principal, action, resource,) when { [1, 2,].contains({a: 1,}.a) && principal[\"if\"] && principal.principal };")]
    public void ParsePolicies_ValidPolicy_PrintsBackToTheSamePolicy(string text)
    {
        var first = Parser.ParsePolicies(text);
        Assert.Single(first);
        string printed = first[0].ToString();
        var second = Parser.ParsePolicies(printed);
        Assert.Equal(printed, second[0].ToString());
    }

    [Fact]
    public void ParsePolicies_SeveralPolicies_NumbersThemInOrder()
    {
        var policies = Parser.ParsePolicies("@id(\"x\") permit(principal, action, resource);\n// c\nforbid(principal, action, resource);");
        Assert.Equal(["policy0", "policy1"], policies.Select(p => p.Id));
        Assert.Equal("x", policies[0].Annotations["id"]);
        Assert.Equal(Effect.Forbid, policies[1].Effect);
    }

    [Fact]
    public void ParsePolicies_Template_HasSlots()
    {
        var policy = Parser.ParsePolicies("permit(principal in ?principal, action, resource);")[0];
        Assert.True(policy.IsTemplate);
    }

    [Theory]
    [InlineData("permit(principal, action, resource)", "unexpected end of input, expected `;` at 1:36")]
    [InlineData("permit(principal, action, resource) when { principal.x == };", "unexpected token `}`, expected an expression at 1:59")]
    [InlineData("permit(principal,\n  action,\n  resource) when { foo };", "unknown variable `foo`")]
    [InlineData("allow(principal, action, resource);", "unexpected token `allow`, expected `permit` or `forbid` at 1:1")]
    [InlineData("permit(principal, action == User::\"a\", resource);", "expected an entity of type `Action`")]
    [InlineData("permit(principal, action, resource) when { 9223372036854775808 };", "integer literal `9223372036854775808` is out of range")]
    [InlineData("permit(principal, action, resource) when { \"a\\q\" };", "invalid escape `\\q` in string literal")]
    [InlineData("permit(principal, action, resource) when { {a: 1, a: 2} };", "duplicate key `a` in record literal")]
    [InlineData("permit(principal, action, resource) when { principal.foo() };", "`foo` is not a known method")]
    [InlineData("permit(principal, action, resource) when { 1 == 2 == 3 };", "unexpected token `==`")]
    [InlineData("permit(principal, action, resource) when { !!!!!true };", "too many unary operators")]
    [InlineData("permit(principal == ?resource, action, resource);", "expected the slot `?principal`, found `?resource`")]
    [InlineData("permit(principal, action, resource) when { principal == ?principal };", "template slot `?principal` is only allowed in the policy scope")]
    [InlineData("@a @a permit(principal, action, resource);", "duplicate annotation `@a`")]
    [InlineData("permit(principal, action, resource) when { \"abc };", "unterminated string literal")]
    [InlineData("permit(principal, action, resource) when { 1 % 2 };", "unexpected character `%`")]
    [InlineData("permit(principal, action, resource) when { principal.if };", "this identifier is reserved and cannot be used: `if`")]
    [InlineData("permit(principal, action, resource) when { {in: 1} == {} };", "this identifier is reserved and cannot be used: `in`")]
    [InlineData("permit(principal, action, resource) when { principal has a.like };", "this identifier is reserved and cannot be used: `like`")]
    [InlineData("permit(principal == A::is::\"a\", action, resource);", "this identifier is reserved and cannot be used: `is`")]
    [InlineData("permit(principal, action, resource) when { __cedar::X::\"a\" == principal };", "the name `__cedar` is reserved")]
    [InlineData("permit(principal, action, resource) when { !-1 == 1 };", "`!` and `-` cannot be mixed")]
    [InlineData("permit(principal, action, resource) when { \"a\\\n b\" };", "invalid escape")]
    public void ParsePolicies_InvalidText_ThrowsLocatedLowercaseError(string text, string expected)
    {
        var e = Assert.Throws<CedarParseException>(() => Parser.ParsePolicies(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.True(char.IsLower(e.Message[0]) || e.Message[0] == '`', e.Message);
        Assert.NotNull(e.Span);
    }

    [Fact]
    public void ParsePolicies_UnknownVariable_ReportsLineAndColumn()
    {
        var e = Assert.Throws<CedarParseException>(() => Parser.ParsePolicies("permit(principal,\n  action,\n  resource) when { foo };"));
        Assert.Equal(3, e.Span!.Value.Line);
        Assert.Equal(20, e.Span.Value.Column);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    [InlineData("if true then 1 else ", "")]
    public void ParseExpression_HundredThousandDeepNesting_ThrowsInsteadOfOverflowing(string open, string close)
    {
        string text = string.Concat(Enumerable.Repeat(open, 100_000)) + "1" + string.Concat(Enumerable.Repeat(close, 100_000));
        var e = Assert.Throws<CedarParseException>(() => Parser.ParseExpression(text));
        Assert.Contains("too deeply nested", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseExpression_HundredThousandTermChain_ThrowsInsteadOfOverflowing()
    {
        string text = string.Join(" + ", Enumerable.Repeat("1", 100_000));
        var e = Assert.Throws<CedarParseException>(() => Parser.ParseExpression(text));
        Assert.Contains("too deeply nested", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseExpression_TenMegabyteString_ParsesIt()
    {
        string big = new('x', 10_000_000);
        var expr = Assert.IsType<LiteralExpr>(Parser.ParseExpression("\"" + big + "\""));
        Assert.Equal(big.Length, ((Dome.Cedar.Evaluation.StringValue)expr.Value).Value.Length);
    }

    [Theory]
    [InlineData("\"a\\nb\\t\\u{1F600}\\x41\\\\\\\"\\'\\0\"", "a\nb\t\U0001F600A\\\"'\0")]
    [InlineData("\"\\u{0}\"", "\0")]
    public void ParseExpression_StringEscapes_AreDecoded(string literal, string expected)
    {
        var expr = Assert.IsType<LiteralExpr>(Parser.ParseExpression(literal));
        Assert.Equal(expected, ((Dome.Cedar.Evaluation.StringValue)expr.Value).Value);
    }

    [Theory]
    [InlineData("\"\\u{D800}\"")]
    [InlineData("\"\\u{110000}\"")]
    [InlineData("\"\\x80\"")]
    [InlineData("\"\\*\"")]
    public void ParseExpression_InvalidEscape_Throws(string literal)
    {
        Assert.Throws<CedarParseException>(() => Parser.ParseExpression(literal));
    }

    [Fact]
    public void ParseEntityUid_NamespacedUid_SplitsTypeAndId()
    {
        var uid = EntityUid.Parse("A::B::\"x\\\"y\"");
        Assert.Equal("A::B", uid.Type);
        Assert.Equal("x\"y", uid.Id);
        Assert.Equal("A::B::\"x\\\"y\"", uid.ToString());
    }

    [Fact]
    public void ParseExpression_PrecedenceOfAndOverOr_GroupsAndFirst()
    {
        var expr = Assert.IsType<AndExpr>(Parser.ParseExpression("a || b && c".Replace("a", "true", StringComparison.Ordinal).Replace("b", "false", StringComparison.Ordinal).Replace("c", "true", StringComparison.Ordinal)));
        Assert.True(expr.IsOr);
        Assert.False(Assert.IsType<AndExpr>(expr.Right).IsOr);
    }

    [Fact]
    public void ParseExpression_IsWithIn_DesugarsToIsAndIn()
    {
        var expr = Assert.IsType<AndExpr>(Parser.ParseExpression("principal is User in Group::\"g\""));
        Assert.IsType<IsExpr>(expr.Left);
        Assert.Equal(BinaryOp.In, Assert.IsType<BinaryExpr>(expr.Right).Op);
    }
}
