using Dome.Cedar.Evaluation;
using Dome.Cedar.Syntax;

namespace Dome.Cedar.Tests.Evaluation;

public sealed class EvaluatorTests
{
    private const string Entities = """
        [
          {"uid": {"type": "User", "id": "alice"}, "attrs": {"age": 30, "name": "Alice", "addr": {"city": "Oslo"}, "boss": {"__entity": {"type": "User", "id": "bob"}}},
           "parents": [{"type": "Group", "id": "staff"}], "tags": {"level": 3}},
          {"uid": {"type": "User", "id": "bob"}, "attrs": {}, "parents": []},
          {"uid": {"type": "Group", "id": "staff"}, "attrs": {}, "parents": [{"type": "Group", "id": "all"}]},
          {"uid": {"type": "Group", "id": "all"}, "attrs": {}, "parents": []}
        ]
        """;

    private static readonly EntityStore Store = EntityStore.FromJson(Entities);

    private static CedarValue Eval(string expression, string context = "{\"n\": 5, \"s\": [1, 2]}")
    {
        var request = new Request(EntityUid.Parse("User::\"alice\""), EntityUid.Parse("Action::\"view\""), EntityUid.Parse("Doc::\"d\""), Request.ParseContext(context));
        return new Evaluator(request, Store).Evaluate(Parser.ParseExpression(expression));
    }

    private static string EvalError(string expression) => Assert.Throws<EvaluationException>(() => Eval(expression)).Message;

    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("-(-9223372036854775807)", "9223372036854775807")]
    [InlineData("principal.age >= 30 && principal.name like \"A*e\"", "true")]
    [InlineData("principal.addr.city == \"Oslo\"", "true")]
    [InlineData("principal.boss == User::\"bob\"", "true")]
    [InlineData("principal in Group::\"all\"", "true")]
    [InlineData("principal in [Group::\"none\", Group::\"staff\"]", "true")]
    [InlineData("Group::\"staff\" in Group::\"all\" && !(Group::\"all\" in Group::\"staff\")", "true")]
    [InlineData("User::\"ghost\" in User::\"ghost\"", "true")]
    [InlineData("User::\"ghost\" in Group::\"all\"", "false")]
    [InlineData("principal has addr.city", "true")]
    [InlineData("principal has addr.zip", "false")]
    [InlineData("User::\"ghost\" has x", "false")]
    [InlineData("principal is User", "true")]
    [InlineData("principal is User in Group::\"staff\"", "true")]
    [InlineData("[1, 2, 2] == [2, 1]", "true")]
    [InlineData("{a: 1, b: [true]} == {b: [true], a: 1}", "true")]
    [InlineData("context.s.contains(2) && context.s.containsAll([1]) && !context.s.containsAny([3]) && ![].isEmpty() == false", "true")]
    [InlineData("principal.getTag(\"level\")", "3")]
    [InlineData("principal.hasTag(\"level\") && !principal.hasTag(\"x\") && !User::\"ghost\".hasTag(\"x\")", "true")]
    [InlineData("if context.n > 3 then \"big\" else 1 + \"x\"", "\"big\"")]
    [InlineData("false && (1 + \"a\")", "false")]
    [InlineData("true || (1 + \"a\")", "true")]
    [InlineData("1 == \"1\"", "false")]
    [InlineData("\"a*b\" like \"a\\*b\" && !(\"axb\" like \"a\\*b\") && \"\" like \"*\"", "true")]
    [InlineData("decimal(\"1.10\") == decimal(\"1.1\")", "true")]
    [InlineData("\"ab\" like \"a\\u{2a}\" && \"ab\" like \"a\\x2a\" && !(\"ab\" like \"a\\*\")", "true")]
    [InlineData("[[1, 2], [2, 1]] == [[2, 1]] && [{a: 1}, {a: 1}].contains({a: 1})", "true")]
    [InlineData("ip(\"10.0.0.1\") == ip(\"10.0.0.1/32\")", "true")]
    [InlineData("datetime(\"2024-01-01\") < datetime(\"2024-01-02\") && duration(\"1h\") > duration(\"59m\")", "true")]
    [InlineData("datetime(\"2024-01-01T10:00:00Z\").toTime().toHours()", "10")]
    public void Evaluate_Expression_GivesCedarValue(string expression, string expected)
    {
        Assert.Equal(expected, Eval(expression).ToString());
    }

    [Theory]
    [InlineData("9223372036854775807 + 1", "overflow")]
    [InlineData("-9223372036854775808 - 1", "overflow")]
    [InlineData("4611686018427387904 * 2", "overflow")]
    [InlineData("-(-9223372036854775808)", "overflow")]
    [InlineData("1 + true", "type error")]
    [InlineData("1 < \"a\"", "type error")]
    [InlineData("decimal(\"1.0\") < decimal(\"2.0\")", "type error")]
    [InlineData("principal.missing", "does not have the attribute `missing`")]
    [InlineData("User::\"ghost\".name", "does not exist")]
    [InlineData("context.nope", "record does not have the attribute `nope`")]
    [InlineData("principal.getTag(\"x\")", "does not have the tag `x`")]
    [InlineData("1 in Group::\"all\"", "type error")]
    [InlineData("principal in [Group::\"staff\", 1]", "type error")]
    [InlineData("principal in [1, principal]", "type error")]
    [InlineData("\"a\" has b", "type error")]
    [InlineData("1 like \"*\"", "type error")]
    [InlineData("if 1 then 2 else 3", "type error")]
    [InlineData("true && 1", "type error")]
    [InlineData("[1].containsAll(1)", "type error")]
    [InlineData("decimal(\"1.23456\")", "decimal")]
    [InlineData("ip(\"1.2.3\")", "ip")]
    [InlineData("decimal(\"1.0\", \"2.0\")", "takes 1 argument")]
    public void Evaluate_BadOperation_ThrowsEvaluationError(string expression, string expected)
    {
        Assert.Contains(expected, EvalError(expression), StringComparison.Ordinal);
    }
}
