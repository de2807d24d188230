using Dome.Gateway.Output;

namespace Dome.Gateway.Tests.Output;

public sealed class JsonPathRedactionTests
{
    [Fact]
    public void Apply_NestedPath_ReplacesOnlyThatValue()
    {
        var result = Governed.Apply("""{"customer":{"name":"Ann","ssn":"078-05-1120"},"ssn":"kept"}""", Governed.Redact("$.customer.ssn"));

        Assert.Equal("""{"customer":{"name":"Ann","ssn":"[redacted]"},"ssn":"kept"}""", result.Text());
        Assert.Equal(1, result.Counts[RedactionKind.Field]);
        Assert.True(result.Changed);
    }

    [Fact]
    public void Apply_ArrayWildcard_RedactsEveryElementsField()
    {
        var result = Governed.Apply("""{"items":[{"card":"x1","id":1},{"card":{"n":2},"id":2},{"id":3}]}""", Governed.Redact("$.items[*].card"));

        Assert.Equal("""{"items":[{"card":"[redacted]","id":1},{"card":"[redacted]","id":2},{"id":3}]}""", result.Text());
        Assert.Equal(2, result.Counts[RedactionKind.Field]);
    }

    [Fact]
    public void Apply_ArrayIndex_RedactsOnlyThatElement()
    {
        var result = Governed.Apply("""{"a":[1,2,3]}""", Governed.Redact("$.a[1]"));

        Assert.Equal("""{"a":[1,"[redacted]",3]}""", result.Text());
    }

    [Fact]
    public void Apply_MemberWildcard_RedactsEveryMember()
    {
        var result = Governed.Apply("""{"secrets":{"a":"1","b":[2]},"other":"x"}""", Governed.Redact("$.secrets.*"));

        Assert.Equal("""{"secrets":{"a":"[redacted]","b":"[redacted]"},"other":"x"}""", result.Text());
    }

    [Fact]
    public void Apply_Descendant_RedactsAtAnyDepth()
    {
        var result = Governed.Apply("""{"password":"a","user":{"password":"b","list":[{"password":"c"}]},"passwords":"kept"}""", Governed.Redact("$..password"));

        Assert.Equal("""{"password":"[redacted]","user":{"password":"[redacted]","list":[{"password":"[redacted]"}]},"passwords":"kept"}""", result.Text());
        Assert.Equal(3, result.Counts[RedactionKind.Field]);
    }

    [Fact]
    public void Apply_BracketQuotedName_MatchesNamesWithDots()
    {
        var result = Governed.Apply("""{"x.y":"secret","x":{"y":"kept"}}""", Governed.Redact("$['x.y']"));

        Assert.Equal("""{"x.y":"[redacted]","x":{"y":"kept"}}""", result.Text());
    }

    [Fact]
    public void Apply_EscapedMemberName_StillMatches()
    {
        var result = Governed.Apply("""{"s\u0073n":"078-05-1120"}""", Governed.Redact("$.ssn"));

        Assert.Equal("[redacted]", result.Json().GetProperty("ssn").GetString());
    }

    [Fact]
    public void Apply_RootPath_RedactsTheWholeBody()
    {
        var result = Governed.Apply("""{"a":1}""", Governed.Redact("$"));

        Assert.Equal("\"[redacted]\"", result.Text());
    }

    [Fact]
    public void Apply_PathMatchesNothing_ReturnsTheUpstreamBytesThemselves()
    {
        var body = """{ "a" : 1,  "b": [true, null, 1.5e3] }"""u8.ToArray();
        var result = Governed.Governor.Apply(body, "application/json", Governed.Redact("$.c").Compile());

        Assert.False(result.Changed);
        Assert.Equal(0, result.Counts.Total);
        Assert.True(result.Body.Span.SequenceEqual(body));
    }

    [Fact]
    public void Apply_ExtraRedactionFromPolicy_IsAppliedWithTheRules()
    {
        var result = Governed.Apply("""{"a":"1","b":"2","c":"3"}""", Governed.Redact("$.a"), extra: ["$.b"]);

        Assert.Equal("""{"a":"[redacted]","b":"[redacted]","c":"3"}""", result.Text());
        Assert.Equal(2, result.Counts[RedactionKind.Field]);
    }

    [Fact]
    public void Apply_ExtraRedactionOnly_AppliesWithoutRules()
    {
        var result = Governed.Apply("""{"a":"1"}""", OutputRules.None, extra: ["$.a"]);

        Assert.Equal("""{"a":"[redacted]"}""", result.Text());
    }

    [Fact]
    public void Apply_InvalidExtraRedaction_RejectsTheBody()
    {
        var result = Governed.Apply("""{"a":"1"}""", OutputRules.None, extra: ["a.b"]);

        Assert.Equal(OutputRejection.InvalidRule, result.Rejection);
        Assert.True(result.Body.IsEmpty);
        Assert.Contains("`a.b`", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_OverlappingPaths_CountsTheValueOnce()
    {
        var result = Governed.Apply("""{"a":{"b":"x"}}""", Governed.Redact("$.a.b", "$..b", "$.a.*"));

        Assert.Equal("""{"a":{"b":"[redacted]"}}""", result.Text());
        Assert.Equal(1, result.Counts[RedactionKind.Field]);
    }

    [Fact]
    public void Apply_UnicodeAndEscapes_ArePreservedInUntouchedValues()
    {
        var result = Governed.Apply("""{"name":"Zoë \"Z\" 😀","ssn":"1"}""", Governed.Redact("$.ssn"));

        Assert.Equal("Zoë \"Z\" 😀", result.Json().GetProperty("name").GetString());
    }
}
