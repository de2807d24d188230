using Dome.Cedar.Json;

namespace Dome.Cedar.Tests.Json;

// Each rejected input below is also rejected by the reference (@cedar-policy/cedar-wasm 4.13.0,
// policyToText / templateToText on the same JSON), checked by hand.
public sealed class EstJsonReaderErrorTests
{
    private const string Scope = "\"principal\":{\"op\":\"All\"},\"action\":{\"op\":\"All\"},\"resource\":{\"op\":\"All\"}";

    [Theory]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[],"extra":1}""", "unknown field `extra`")]
    [InlineData("""{"effect":"Permit",{{SCOPE}},"conditions":[]}""", "unknown effect `Permit`")]
    [InlineData("""{{{SCOPE}},"conditions":[]}""", "missing field `effect`")]
    [InlineData("""{"effect":"permit","principal":{"op":"All"},"resource":{"op":"All"},"conditions":[]}""", "missing field `action`")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"other","body":{"Value":true}}]}""", "unknown condition kind `other`, expected `when` or `unless` (at `conditions[0].kind`)")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"foo":[{"Value":1}]}}]}""", "unknown expression kind `foo` (at `conditions[0].body`)")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"Value":1.5}}]}""", "`1.5` is not a 64-bit integer")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"Value":9223372036854775808}}]}""", "`9223372036854775808` is not a 64-bit integer")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"Value":null}}]}""", "json `null`s are not allowed")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"Var":"foo"}}]}""", "unknown variable `foo`")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"Slot":"?principal"}}]}""", "template slot `?principal` may only appear in the scope")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"&&":{"left":{"Value":true},"right":{"Value":false}},"||":{"left":{"Value":true},"right":{"Value":false}}}}]}""", "exactly one key, found `&&` and `||`")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{}}]}""", "exactly one key, found none")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"&&":{"left":{"Value":true},"right":{"Value":false},"extra":1}}}]}""", "unknown field `extra`, expected `left` or `right` (at `conditions[0].body.&&`)")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"&&":{"left":{"Value":true}}}}]}""", "missing field `right` (at `conditions[0].body.&&`)")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"has":{"left":{"Var":"context"},"attr":[]}}}]}""", "must name at least one attribute")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"is":{"left":{"Var":"context"},"entity_type":"A::"}}}]}""", "invalid entity type `A::`")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"is":{"left":{"Var":"context"},"entity_type":"if"}}}]}""", "invalid entity type `if`")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"like":{"left":{"Var":"context"},"pattern":["Star"]}}}]}""", "expected `\"Wildcard\"` or `{\"Literal\": ...}`")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"Value":{"__extn":{"fn":"nope","arg":"x"}}}}]}""", "unknown extension function `nope`")]
    [InlineData("""{"effect":"permit","principal":{"op":"==","slot":"?resource"},"action":{"op":"All"},"resource":{"op":"All"},"conditions":[]}""", "invalid slot `?resource` in a principal constraint")]
    [InlineData("""{"effect":"permit","principal":{"op":"in","entities":[{"type":"A","id":"b"}]},"action":{"op":"All"},"resource":{"op":"All"},"conditions":[]}""", "a `in` constraint needs `entity` or `slot` (at `principal`)")]
    [InlineData("""{"effect":"permit","principal":{"op":"All"},"action":{"op":"is","entity_type":"A"},"resource":{"op":"All"},"conditions":[]}""", "unknown action constraint operator `is`")]
    [InlineData("""{"effect":"permit","principal":{"op":"All"},"action":{"op":"==","entity":{"type":"A","id":"b"}},"resource":{"op":"All"},"conditions":[]}""", "expected an entity uid with type `Action` but got `A::\"b\"`")]
    [InlineData("""{"effect":"permit","principal":{"op":"All"},"action":{"op":"==","slot":"?principal"},"resource":{"op":"All"},"conditions":[]}""", "slots are not allowed for actions")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[],"annotations":{"b c":"z"}}""", "invalid annotation key `b c`")]
    [InlineData("""{"effect":"permit",{{SCOPE}}}""", "missing field `conditions`")]
    [InlineData("""{"effect":"permit","principal":{"op":"is","entity_type":"A","x":1},"action":{"op":"All"},"resource":{"op":"All"},"conditions":[]}""", "unknown field `x`, expected `entity_type` or `in`")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"Value":true},"x":1}]}""", "unknown field `x`, expected `kind` or `body`")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{"Value":{"__entity":{"type":"if","id":"b"}}}}]}""", "invalid entity type `if`")]
    [InlineData("""{"effect":"permit",{{SCOPE}},"conditions":[{"kind":"when","body":{".":false}}]}""", "expected an object with `left`, `attr`, found `false`")]
    [InlineData("""{"effect":"permit","effect":"forbid",{{SCOPE}},"conditions":[]}""", "duplicate key `effect`")]
    [InlineData("""[1, 2]""", "expected a policy, found `[1, 2]`")]
    public void TryReadPolicy_Malformed_GivesLocatedError(string template, string expectedFragment)
    {
        var json = template.Replace("{{SCOPE}}", Scope, StringComparison.Ordinal);
        Assert.False(EstJsonReader.TryReadPolicy(json, out _, out var error));
        Assert.Contains(expectedFragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"effect\":\n  \"permit\",,}", "invalid json at 2:12: ',' is an invalid start of a property name")]
    [InlineData("{\"effect\":\"permit\"", "invalid json at 1:")]
    [InlineData("", "invalid json at 1:1")]
    public void TryReadPolicy_InvalidJsonSyntax_GivesLineAndColumn(string json, string expectedFragment)
    {
        Assert.False(EstJsonReader.TryReadPolicy(json, out _, out var error));
        Assert.StartsWith(expectedFragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadPolicy_InvalidJsonSyntax_QuotesTheOffendingText()
    {
        Assert.False(EstJsonReader.TryReadPolicy("{\"effect\":\n  \"permit\",,\"x\":1}", out _, out var error));
        Assert.EndsWith("near `,\"x\":1}`", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(EstJsonReader.MaxDepth + 1)]
    public void TryReadPolicy_HostileNesting_FailsCleanly(int depth)
    {
        var body = string.Concat(Enumerable.Repeat("{\"!\":{\"arg\":", depth)) + "{\"Value\":true}" + new string('}', 2 * depth);
        var json = Policy(body);

        Assert.False(EstJsonReader.TryReadPolicy(json, out _, out var error));
        Assert.Contains("invalid json", error, StringComparison.Ordinal);
        Assert.Contains("depth", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryReadPolicy_NestingWithinLimit_IsAccepted()
    {
        const int depth = 400;
        var body = string.Concat(Enumerable.Repeat("{\"!\":{\"arg\":", depth)) + "{\"Value\":true}" + new string('}', 2 * depth);
        var json = Policy(body);

        Assert.True(EstJsonReader.TryReadPolicy(json, out var policy, out var error), error);
        Assert.IsType<EstUnary>(policy.Conditions[0].Body);
    }

    [Fact]
    public void TryReadPolicy_TenMegabyteString_RoundTrips()
    {
        var big = new string('x', 10_000_000);
        var json = Policy("{\"Value\":\"" + big + "\"}");

        Assert.True(EstJsonReader.TryReadPolicy(json, out var policy, out var error), error);
        Assert.Equal(json, EstJsonWriter.WritePolicy(policy));
    }

    private static string Policy(string body) =>
        "{\"effect\":\"permit\"," + Scope + ",\"conditions\":[{\"kind\":\"when\",\"body\":" + body + "}]}";
}
