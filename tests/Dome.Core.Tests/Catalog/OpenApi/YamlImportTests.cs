using System.Text.Json;
using System.Text.Json.Nodes;
using Dome.Core.Catalog;
using Dome.Core.Catalog.OpenApi;
using Dome.Core.Catalog.Schema;
using Dome.Core.Errors;

namespace Dome.Core.Tests.Catalog.OpenApi;

/// <summary>OpenAPI documents in YAML: converted with the YAML 1.2 core schema, then imported like JSON.</summary>
public sealed class YamlImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Versions => new() { "3.0.3", "3.1.0" };

    // Anchors and aliases, comments, block scalars, flow collections, quoted and unquoted keys: YAML as people write it.
    private static string Document(string version) => $$"""
        # Zendesk, in YAML
        openapi: {{version}}
        info:
          title: Zendesk
          version: 1.0          # a float in YAML 1.2; Dome keeps its text
        paths:
          /api/v2/tickets:
            post:
              operationId: createTicket
              summary: Create a ticket
              description: |
                Opens a ticket.
                Two lines.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewTicket'
              responses:
                '201': { description: created }
            get:
              operationId: listTickets
              parameters:
                - &page
                  name: page
                  in: query
                  schema: { type: integer, minimum: 1, maximum: 0x64 }
              responses:
                200:
                  description: ok
          /api/v2/search:
            get:
              operationId: search
              parameters:
                - *page
                - name: mode
                  in: query
                  required: true
                  schema:
                    type: string
                    enum: [on, off, yes, no, "true"]
              responses:
                "200": { description: ok }
        components:
          schemas:
            NewTicket:
              type: object
              required: [subject]
              properties:
                subject: { type: string, maxLength: 100 }
                amount: { type: number, minimum: .5 }
                urgent: { type: boolean }
              additionalProperties: false
        """;

    private static IReadOnlyList<SchemaViolation> Check(Tool tool, string arguments)
    {
        using var document = JsonDocument.Parse(arguments);
        return JsonSchema.Parse(tool.InputSchema).Validate(document.RootElement);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Import_YamlDocument_ImportsLikeJson(string version)
    {
        var (tools, skipped) = OpenApiImporter.Read("tnt_a", "zendesk", Document(version), null, Now);

        Assert.Empty(skipped);
        Assert.Equal(["create_ticket", "list_tickets", "search"], tools.Select(t => t.Name));
        var create = tools[0];
        Assert.Equal(("POST", "/api/v2/tickets"), (create.Method, create.Path));
        Assert.Empty(Check(create, """{"subject":"Printer","amount":0.5,"urgent":true}"""));
        Assert.Contains(Check(create, """{"subject":"Printer","amount":0.25}"""), v => v.Path == "$.amount");
        Assert.Contains(Check(create, """{"subject":"Printer","urgent":"yes"}"""), v => v.Path == "$.urgent");
        Assert.Empty(Check(tools[1], """{"page":100}"""));
        Assert.Contains(Check(tools[1], """{"page":101}"""), v => v.Path == "$.page"); // 0x64 = 100
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Import_YamlAliasAndUnquotedOnOffYesNo_StayWhatYaml12Says(string version)
    {
        var search = OpenApiImporter.Import("tnt_a", "zendesk", Document(version), ["search"], Now).Single();

        // The aliased `page` parameter is there; `on`, `off`, `yes`, `no` are strings (YAML 1.1 made them booleans).
        Assert.Equal(["page", "mode"], search.Parameters.Select(p => p.Name));
        foreach (var mode in new[] { "on", "off", "yes", "no", "true" })
        {
            Assert.Empty(Check(search, $$"""{"mode":"{{mode}}"}"""));
        }

        Assert.NotEmpty(Check(search, """{"mode":true}"""));
        Assert.NotEmpty(Check(search, """{"mode":"maybe"}"""));
    }

    [Fact]
    public void Convert_PlainScalars_ResolveByTheCoreSchema()
    {
        const string yaml = """
            on: on
            yes: [yes, no, off, Yes, y]
            bools: [true, True, TRUE, false, FALSE, tRUE]
            nulls: [~, null, Null, NULL, ]
            empty:
            ints: [0, 007, +5, -12, 0o17, 0x1F, 123456789012345678901234567890]
            floats: [1.0, .5, -1.5e3, 1., 2E2, +0.25]
            strings: [3.0.3, '1.0', "true", !!str 42, 1_000, 0b11, 0x]
            time: 12:30
            block: |
              line one
              line two
            folded: >
              a
              b
            "200": quoted key
            300: plain key
            """;

        var json = JsonNode.Parse(YamlToJson.Convert(yaml, 1 << 20))!;

        Assert.Equal("on", json["on"]!.GetValue<string>());
        Assert.Equal("""["yes","no","off","Yes","y"]""", json["yes"]!.ToJsonString());
        Assert.Equal("""[true,true,true,false,false,"tRUE"]""", json["bools"]!.ToJsonString());
        Assert.Equal("[null,null,null,null]", json["nulls"]!.ToJsonString());
        Assert.Null(json["empty"]);
        Assert.True(json.AsObject().ContainsKey("empty"));
        Assert.Equal("[0,7,5,-12,15,31,123456789012345678901234567890]", json["ints"]!.ToJsonString());
        Assert.Equal("[1.0,0.5,-1.5e3,1,2E2,0.25]", json["floats"]!.ToJsonString());
        Assert.Equal("""["3.0.3","1.0","true","42","1_000","0b11","0x"]""", json["strings"]!.ToJsonString());
        Assert.Equal("12:30", json["time"]!.GetValue<string>());
        Assert.Equal("line one\nline two\n", json["block"]!.GetValue<string>());
        Assert.Equal("a b\n", json["folded"]!.GetValue<string>());
        Assert.Equal("quoted key", json["200"]!.GetValue<string>());
        Assert.Equal("plain key", json["300"]!.GetValue<string>());
    }

    [Fact]
    public void Convert_AliasBomb_IsRefusedBeforeExpanding()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (var level = 1; level < 9; level++)
        {
            var previous = (char)('a' + level - 1);
            var current = (char)('a' + level);
            lines.Add($"{current}: &{current} [{string.Join(", ", Enumerable.Repeat("*" + previous, 10))}]");
        }

        var failure = Assert.Throws<DomeException>(() => YamlToJson.Convert(string.Join("\n", lines), OpenApiImporter.MaxDocumentBytes));

        Assert.Equal(DomeErrorCode.InvalidRequest, failure.Code);
        Assert.Contains("aliases repeat what they name", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("openapi: 3.1.0\ninfo:\n  title: [x\n", "line 4, column 1")]
    [InlineData("openapi: 3.1.0\n  info: x\n", "line 2, column")]
    [InlineData("a: 1\nb: 2\na: 3\n", "line 3, column 1: duplicate key a")]
    [InlineData("a: *nowhere\n", "line 1, column 4: the alias `*nowhere` names no anchor defined before it")]
    [InlineData("a: &x [1, *x]\n", "line 1, column 11: the alias `*x` is inside the node its anchor names")]
    [InlineData("a: .inf\n", "line 1, column 4: `.inf` (infinity or not-a-number) has no JSON form")]
    [InlineData("a: !custom x\n", "line 1, column 4: the tag `!custom` is not supported")]
    [InlineData("a: !!int x\n", "line 1, column 4: `x` is not a valid `int`")]
    [InlineData("? [complex]\n: key\n", "line 1, column 3: a mapping key must be a scalar")]
    [InlineData("a: 1\n---\nb: 2\n", "2 documents")]
    public void Convert_BadYaml_IsInvalidRequestWithLineAndColumn(string yaml, string problem)
    {
        var failure = Assert.Throws<DomeException>(() => YamlToJson.Convert(yaml, 1 << 20));

        Assert.Equal(DomeErrorCode.InvalidRequest, failure.Code);
        Assert.True(failure.Message.Contains(problem, StringComparison.Ordinal), failure.Message);
    }

    [Fact]
    public void Convert_DeepNesting_IsRefusedWhereItGoesTooDeep()
    {
        var deep = Assert.Throws<DomeException>(() => YamlToJson.Convert(new string('[', 10_000) + new string(']', 10_000), 1 << 20));

        Assert.Contains($"line 1, column {YamlToJson.MaxDepth + 1}: nesting is deeper than {YamlToJson.MaxDepth} levels", deep.Message, StringComparison.Ordinal);
    }
}
