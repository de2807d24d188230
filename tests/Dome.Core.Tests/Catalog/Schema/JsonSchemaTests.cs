using System.Text.Json;
using Dome.Core.Catalog.Schema;

namespace Dome.Core.Tests.Catalog.Schema;

public sealed class JsonSchemaTests
{
    private const string Ticket = """
        {
          "type": "object",
          "properties": {
            "subject": { "type": "string", "minLength": 3, "maxLength": 10 },
            "priority": { "type": "string", "enum": ["low", "high"] },
            "amount": { "type": "number", "minimum": 0, "maximum": 1000, "multipleOf": 0.01 },
            "count": { "type": "integer", "exclusiveMinimum": 0 },
            "code": { "type": "string", "pattern": "^[A-Z]{3}-[0-9]+$" },
            "tags": { "type": "array", "items": { "type": "string" }, "minItems": 1, "maxItems": 2, "uniqueItems": true },
            "customer": {
              "type": "object",
              "properties": { "email": { "type": "string" } },
              "required": ["email"],
              "additionalProperties": false
            },
            "note": { "type": ["string", "null"] },
            "legacy": { "type": "string", "nullable": true }
          },
          "required": ["subject"],
          "additionalProperties": false
        }
        """;

    private static IReadOnlyList<SchemaViolation> Check(string schema, string instance)
    {
        using var document = JsonDocument.Parse(instance);
        return JsonSchema.Parse(schema).Validate(document.RootElement);
    }

    [Fact]
    public void Validate_ConformingArguments_HasNoViolations()
    {
        Assert.Empty(Check(Ticket, """
            {"subject":"Printer","priority":"high","amount":12.5,"count":3,"code":"ABC-12","tags":["a","b"],
             "customer":{"email":"x@example.com"},"note":null,"legacy":null}
            """));
    }

    [Fact]
    public void Validate_ConformingArguments_AllocateNothing()
    {
        // Valid arguments are decided in one pass without paths or messages (counted in bytes, not timed).
        var schema = JsonSchema.Parse(Ticket);
        using var document = JsonDocument.Parse("""{"subject":"Printer","priority":"high","amount":12.5,"count":3,"customer":{"email":"x@example.com"},"note":null}""");
        for (var i = 0; i < 50; i++)
        {
            Assert.Empty(schema.Validate(document.RootElement));
        }

        // Steady state: the JIT's first tier may box what its optimized tier keeps on the stack, so rounds of 100 calls
        // are counted until the optimized code runs (it replaces the first tier within a second or two); one round
        // without a byte allocated is the steady state this test asks for.
        long allocated = -1;
        for (var round = 0; round < 100 && allocated != 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                schema.Validate(document.RootElement);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated != 0)
            {
                Thread.Sleep(50);
            }
        }

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("""{}""", "$", "required property `subject`")]
    [InlineData("""{"subject":"ab"}""", "$.subject", "at least 3 characters")]
    [InlineData("""{"subject":"abcdefghijk"}""", "$.subject", "at most 10 characters")]
    [InlineData("""{"subject":5}""", "$.subject", "expected string, got integer")]
    [InlineData("""{"subject":"abc","priority":"urgent"}""", "$.priority", "must be one of \"low\", \"high\"")]
    [InlineData("""{"subject":"abc","amount":-1}""", "$.amount", "at least 0")]
    [InlineData("""{"subject":"abc","amount":1000.5}""", "$.amount", "at most 1000")]
    [InlineData("""{"subject":"abc","amount":1.005}""", "$.amount", "multiple of 0.01")]
    [InlineData("""{"subject":"abc","count":0}""", "$.count", "greater than 0")]
    [InlineData("""{"subject":"abc","count":1.5}""", "$.count", "expected integer, got number")]
    [InlineData("""{"subject":"abc","code":"abc-1"}""", "$.code", "must match the pattern")]
    [InlineData("""{"subject":"abc","tags":[]}""", "$.tags", "at least 1 items")]
    [InlineData("""{"subject":"abc","tags":["a","b","c"]}""", "$.tags", "at most 2 items")]
    [InlineData("""{"subject":"abc","tags":["a","a"]}""", "$.tags", "unique")]
    [InlineData("""{"subject":"abc","tags":[1]}""", "$.tags[0]", "expected string")]
    [InlineData("""{"subject":"abc","customer":{}}""", "$.customer", "required property `email`")]
    [InlineData("""{"subject":"abc","customer":{"email":"a","ssn":"1"}}""", "$.customer", "`ssn` is not allowed")]
    [InlineData("""{"subject":"abc","extra":true}""", "$", "`extra` is not allowed")]
    [InlineData("""{"subject":"abc","note":3}""", "$.note", "expected null or string")]
    [InlineData("""{"subject":"abc","legacy":false}""", "$.legacy", "expected null or string")]
    [InlineData("""[]""", "$", "expected object, got array")]
    public void Validate_BrokenArguments_ReportsPathAndRule(string instance, string path, string message)
    {
        var violation = Assert.Single(Check(Ticket, instance));

        Assert.Equal(path, violation.Path);
        Assert.Contains(message, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ViolationMessages_NeverEchoArgumentValues()
    {
        var violations = Check(Ticket, """{"subject":"SECRET-VALUE-123","priority":"SECRET-PRIO","code":"SECRET-CODE"}""");

        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.DoesNotContain("SECRET", v.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralViolations_ReportsEachUpToTheLimit()
    {
        Assert.Equal(3, Check(Ticket, """{"subject":1,"priority":"x","amount":-5}""").Count);
        using var document = JsonDocument.Parse("""{"subject":1,"priority":"x","amount":-5}""");
        Assert.Single(JsonSchema.Parse(Ticket).Validate(document.RootElement, maxViolations: 1));
        Assert.False(JsonSchema.Parse(Ticket).IsValid(document.RootElement));
    }

    [Fact]
    public void Validate_OpenApi30ExclusiveBoolean_And31Number_BothExclude()
    {
        const string v30 = """{"type":"object","properties":{"n":{"type":"number","minimum":5,"exclusiveMinimum":true}}}""";
        const string v31 = """{"type":"object","properties":{"n":{"type":"number","exclusiveMaximum":5}}}""";

        Assert.NotEmpty(Check(v30, """{"n":5}"""));
        Assert.Empty(Check(v30, """{"n":5.1}"""));
        Assert.NotEmpty(Check(v31, """{"n":5}"""));
        Assert.Empty(Check(v31, """{"n":4.9}"""));
    }

    [Fact]
    public void Validate_Combinators_AndAdditionalPropertiesSchema()
    {
        const string schema = """
            {"type":"object","properties":{
              "id":{"oneOf":[{"type":"integer"},{"type":"string","pattern":"^t-"}]},
              "any":{"anyOf":[{"type":"boolean"},{"type":"null"}]},
              "all":{"allOf":[{"type":"string"},{"minLength":2}]},
              "not":{"not":{"type":"string"}},
              "map":{"type":"object","additionalProperties":{"type":"integer"}}}}
            """;

        Assert.Empty(Check(schema, """{"id":"t-1","any":null,"all":"ab","not":1,"map":{"a":1}}"""));
        Assert.Single(Check(schema, """{"id":"x"}"""));
        Assert.Single(Check(schema, """{"any":1}"""));
        Assert.Single(Check(schema, """{"all":"a"}"""));
        Assert.Single(Check(schema, """{"not":"s"}"""));
        Assert.Equal("$.map.b", Assert.Single(Check(schema, """{"map":{"a":1,"b":"x"}}""")).Path);
    }

    [Fact]
    public void Validate_LengthCountsCodePoints_NotUtf16Units()
    {
        const string schema = """{"type":"object","properties":{"s":{"type":"string","maxLength":2}}}""";

        Assert.Empty(Check(schema, """{"s":"😀😀"}"""));
        Assert.Single(Check(schema, """{"s":"😀😀😀"}"""));
        Assert.Empty(Check(schema, """{"s":"é✓"}"""));
        Assert.Single(Check(schema, """{"s":"é✓x"}"""));

        // Escaped text is counted after unescaping, the same way.
        Assert.Empty(Check(schema, """{"s":"\uD83D\uDE00\u00e9"}"""));
        Assert.Single(Check(schema, """{"s":"\u00e9\u2713x"}"""));
    }

    [Fact]
    public void Validate_BacktrackingPattern_StillEnforced()
    {
        const string schema = """{"type":"object","properties":{"s":{"type":"string","pattern":"^(?=.*[0-9])[a-z0-9]+$"}}}""";

        Assert.Empty(Check(schema, """{"s":"abc1"}"""));
        Assert.Single(Check(schema, """{"s":"abc"}"""));
    }

    [Theory]
    [InlineData("""{"type":"array"}""", "must describe a JSON object")]
    [InlineData("""{"properties":{}}""", "must describe a JSON object")]
    [InlineData("""{"type":"object","properties":{"a":{"$ref":"#/x"}}}""", "`$ref`")]
    [InlineData("""{"type":"object","patternProperties":{}}""", "`patternProperties`")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"strng"}}}""", "unknown type `strng`")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","pattern":"("}}}""", "not a valid regular expression")]
    [InlineData("""{"type":"object","required":"a"}""", "`required`")]
    [InlineData("""{"type":"object","properties":{"a":{"minLength":-1}}}""", "`minLength`")]
    [InlineData("""{"type":"object","properties":{"a":{"enum":[]}}}""", "`enum`")]
    [InlineData("""{"type":"object" """, "not valid JSON")]
    [InlineData("", "empty")]
    public void TryParse_UnenforceableOrInvalidSchema_Fails(string schema, string problem)
    {
        Assert.False(JsonSchema.TryParse(schema, out _, out var message));
        Assert.Contains(problem, message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_AnnotationsAndExtensions_AreIgnored()
    {
        Assert.True(JsonSchema.TryParse("""{"type":"object","title":"t","description":"d","x-foo":1,"properties":{"a":{"type":"string","format":"email","example":"x","default":"y"}}}""", out _, out var problem), problem);
    }

    [Fact]
    public void TryParse_DeeplyNestedSchema_FailsInsteadOfOverflowing()
    {
        var schema = """{"type":"object","properties":{"a":""" + string.Concat(Enumerable.Repeat("""{"type":"object","properties":{"a":""", 40)) + "{}" + new string('}', 80) + "}}";

        Assert.False(JsonSchema.TryParse(schema, out _, out var problem));
        Assert.Contains("deeper", problem, StringComparison.Ordinal);
    }
}
