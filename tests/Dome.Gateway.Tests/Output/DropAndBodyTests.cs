using System.Text;
using System.Text.Json;
using Dome.Gateway.Output;
using Microsoft.Extensions.Options;

namespace Dome.Gateway.Tests.Output;

/// <summary>Record drops, the size cap, JSON-aware detection, and bodies that are not JSON.</summary>
public sealed class DropAndBodyTests
{
    private static readonly string Tickets = """{"tickets":[{"id":1,"visibility":"public"},{"id":2,"visibility":"internal"},{"id":3}]}""";

    [Fact]
    public void Apply_DropIs_RemovesMatchingRecords()
    {
        var rules = new OutputRules { Drop = [Drop("$.visibility", isValue: "\"internal\"")] };

        var result = Governed.Apply(Tickets, rules);

        Assert.Equal("""{"tickets":[{"id":1,"visibility":"public"},{"id":3}]}""", result.Text());
        Assert.Equal(1, result.Counts[RedactionKind.Record]);
    }

    [Fact]
    public void Apply_DropIsNot_KeepsOnlyEqualRecordsAndThoseWithoutTheField()
    {
        var rules = new OutputRules { Drop = [Drop("$.visibility", isNot: "\"public\"")] };

        var result = Governed.Apply(Tickets, rules);

        Assert.Equal("""{"tickets":[{"id":1,"visibility":"public"},{"id":3}]}""", result.Text());
    }

    [Fact]
    public void Apply_DropIn_RemovesRecordsWithAnyListedValue()
    {
        var rules = new OutputRules { Drop = [Drop("$.id", inValues: ["1", "3"])] };

        var result = Governed.Apply(Tickets, rules);

        Assert.Equal("""{"tickets":[{"id":2,"visibility":"internal"}]}""", result.Text());
        Assert.Equal(2, result.Counts[RedactionKind.Record]);
    }

    [Fact]
    public void Apply_DropExists_RemovesRecordsHavingTheField()
    {
        var rules = new OutputRules { Drop = [Drop("$.visibility", exists: true)] };

        var result = Governed.Apply(Tickets, rules);

        Assert.Equal("""{"tickets":[{"id":3}]}""", result.Text());
    }

    [Fact]
    public void Apply_DropNestedWhereAndMember_RemovesTheMember()
    {
        var rules = new OutputRules { Drop = [new DropRule { Records = "$.*", Where = "$.meta.flags[0]", Is = JsonSerializer.Deserialize<JsonElement>("\"hidden\"") }] };

        var result = Governed.Apply("""{"a":{"meta":{"flags":["hidden"]}},"b":{"meta":{"flags":["shown"]}}}""", rules);

        Assert.Equal("""{"b":{"meta":{"flags":["shown"]}}}""", result.Text());
    }

    [Fact]
    public void Apply_DropAndRedactTogether_BothApplied()
    {
        var rules = new OutputRules { Redact = ["$.tickets[*].id"], Drop = [Drop("$.visibility", isValue: "\"internal\"")] };

        var result = Governed.Apply(Tickets, rules);

        Assert.Equal("""{"tickets":[{"id":"[redacted]","visibility":"public"},{"id":"[redacted]"}]}""", result.Text());
        Assert.Equal(2, result.Counts[RedactionKind.Field]);
        Assert.Equal(1, result.Counts[RedactionKind.Record]);
    }

    [Fact]
    public void Apply_BodyOverTheRulesCap_Rejected()
    {
        var result = Governed.Apply("""{"a":"0123456789"}""", new OutputRules { MaxBytes = 10 });

        Assert.Equal(OutputRejection.TooLarge, result.Rejection);
        Assert.True(result.Body.IsEmpty);
        Assert.Contains("10 bytes", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_BodyAtTheCap_Passes()
    {
        var body = """{"a":"01234"}""";

        var result = Governed.Apply(body, new OutputRules { MaxBytes = body.Length });

        Assert.False(result.IsRejected);
        Assert.Equal(body, result.Text());
    }

    [Fact]
    public void Apply_BodyOverTheGatewayCap_RejectedEvenWithoutRules()
    {
        var governor = new OutputGovernor(Options.Create(new OutputOptions { MaxResponseBytes = 100 }));

        var result = governor.Apply(new byte[101], "application/octet-stream", CompiledOutputRules.None);

        Assert.Equal(OutputRejection.TooLarge, result.Rejection);
        Assert.Equal(50, governor.MaxBytesFor(new OutputRules { MaxBytes = 50 }.Compile()));
        Assert.Equal(100, governor.MaxBytesFor(new OutputRules { MaxBytes = 500 }.Compile()));
    }

    [Fact]
    public void Apply_DetectorsInJson_FilterValuesAndMemberNamesKeepingStructure()
    {
        var body = """{"note":"mail ann@example.com","ann@example.com":1,"n":4111111111111111,"id":4111111111111112,"ok":"fine"}""";

        var result = Governed.Apply(body, Governed.Detect("pii"));

        var json = result.Json();
        Assert.Equal("mail [redacted:email]", json.GetProperty("note").GetString());
        Assert.Equal(1, json.GetProperty("[redacted:email]").GetInt32());
        Assert.Equal("[redacted:card]", json.GetProperty("n").GetString());
        Assert.Equal(4111111111111112, json.GetProperty("id").GetInt64());
        Assert.Equal("fine", json.GetProperty("ok").GetString());
        Assert.Equal(2, result.Counts[RedactionKind.Email]);
        Assert.Equal(1, result.Counts[RedactionKind.Card]);
    }

    [Fact]
    public void Apply_EscapedSecretInJsonString_StillFound()
    {
        var result = Governed.Apply("""{"m":"ann\u0040example.com"}""", Governed.Detect("email"));

        Assert.Equal("[redacted:email]", result.Json().GetProperty("m").GetString());
    }

    [Fact]
    public void Apply_CredentialNamedMembers_ValuesRedacted()
    {
        var body = """{"user":"ann","password":"p4ss","client_secret":"abc","accessToken":"t","nested":{"api_key":"k"},"token_count":5,"secret":""}""";

        var result = Governed.Apply(body, Governed.Detect("secrets"));

        var json = result.Json();
        Assert.Equal("ann", json.GetProperty("user").GetString());
        Assert.Equal("[redacted:credential]", json.GetProperty("password").GetString());
        Assert.Equal("[redacted:credential]", json.GetProperty("client_secret").GetString());
        Assert.Equal("[redacted:credential]", json.GetProperty("accessToken").GetString());
        Assert.Equal("[redacted:credential]", json.GetProperty("nested").GetProperty("api_key").GetString());
        Assert.Equal(5, json.GetProperty("token_count").GetInt32());
        Assert.Equal(string.Empty, json.GetProperty("secret").GetString());
        Assert.Equal(4, result.Counts[RedactionKind.Credential]);
    }

    [Fact]
    public void Apply_PlainText_DetectorsApplied()
    {
        var result = Governed.Apply("Contact ann@example.com", Governed.Detect("email"), "text/plain; charset=utf-8");

        Assert.Equal("Contact [redacted:email]", result.Text());
    }

    [Fact]
    public void Apply_PathRulesOnNonJsonBody_RejectedNotPassed()
    {
        var result = Governed.Apply("<html>ssn 078-05-1120</html>", Governed.Redact("$.ssn"), "text/html");

        Assert.Equal(OutputRejection.NotJson, result.Rejection);
        Assert.True(result.Body.IsEmpty);
    }

    [Fact]
    public void Apply_DeclaredJsonButBroken_ScannedAsText()
    {
        var result = Governed.Apply("{\"a\": \"ann@example.com\"", Governed.Detect("email"));

        Assert.Equal("{\"a\": \"[redacted:email]\"", result.Text());
    }

    [Fact]
    public void Apply_BinaryWithDetectors_RejectedUnlessAllowed()
    {
        var body = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0xFF, 0x00 };

        var refused = Governed.Governor.Apply(body, "image/png", Governed.Detect("pii").Compile());
        var allowed = Governed.Governor.Apply(body, "image/png", new OutputRules { Detect = ["pii"], AllowBinary = true }.Compile());
        var unknownType = Governed.Governor.Apply(body, null, Governed.Detect("pii").Compile());

        Assert.Equal(OutputRejection.Binary, refused.Rejection);
        Assert.False(allowed.IsRejected);
        Assert.True(allowed.Body.Span.SequenceEqual(body));
        Assert.Equal(OutputRejection.Binary, unknownType.Rejection);
    }

    [Fact]
    public void Apply_NoRules_PassesAnyBodyUntouched()
    {
        var body = new byte[] { 0xFF, 0xFE, 0x00 };

        var result = Governed.Governor.Apply(body, "application/octet-stream", CompiledOutputRules.None);

        Assert.False(result.Changed);
        Assert.True(result.Body.Span.SequenceEqual(body));
    }

    [Fact]
    public void Apply_EmptyBody_Unchanged()
    {
        var result = Governed.Governor.Apply(ReadOnlyMemory<byte>.Empty, "application/json", Governed.Redact("$.a").Compile());

        Assert.False(result.IsRejected);
        Assert.True(result.Body.IsEmpty);
    }

    [Fact]
    public void Apply_HugeJsonBody_EveryRecordGoverned()
    {
        var builder = new StringBuilder("{\"items\":[");
        for (var i = 0; i < 50_000; i++)
        {
            builder.Append(i == 0 ? string.Empty : ",").Append("{\"id\":").Append(i).Append(",\"card\":\"4111 1111 1111 1111\",\"email\":\"u").Append(i).Append("@example.com\",\"hidden\":").Append(i % 2 == 0 ? "true" : "false").Append('}');
        }

        builder.Append("]}");
        var rules = new OutputRules { Redact = ["$.items[*].card"], Detect = ["pii"], Drop = [Drop("$.hidden", isValue: "true", records: "$.items[*]")] };

        var result = Governed.Apply(builder.ToString(), rules);

        Assert.True(builder.Length > 4_000_000);
        Assert.Equal(50_000, result.Counts[RedactionKind.Field] + result.Counts[RedactionKind.Record]);
        Assert.Equal(25_000, result.Counts[RedactionKind.Record]);
        Assert.Equal(25_000, result.Counts[RedactionKind.Email]);
        var items = result.Json().GetProperty("items");
        Assert.Equal(25_000, items.GetArrayLength());
        Assert.All(items.EnumerateArray(), item => Assert.Equal("[redacted:email]", item.GetProperty("email").GetString()));
        Assert.DoesNotContain("4111 1111", result.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_HugeTextBody_Filtered()
    {
        var text = string.Concat(Enumerable.Repeat("lorem ipsum dolor 12345 sit amet, ", 100_000)) + "ann@example.com";

        var result = Governed.Apply(text, Governed.Detect("pii", "secrets"), "text/plain");

        Assert.EndsWith("[redacted:email]", result.Text(), StringComparison.Ordinal);
        Assert.Equal(1, result.Counts.Total);
    }

    [Fact]
    public void Apply_DeeplyNestedJson_HandledWithinTheDepthLimit()
    {
        var body = new string('[', 100) + "\"ann@example.com\"" + new string(']', 100);

        var result = Governed.Apply(body, Governed.Detect("email"));

        Assert.Contains("[redacted:email]", result.Text(), StringComparison.Ordinal);
    }

    private static DropRule Drop(string where, string? isValue = null, string? isNot = null, string[]? inValues = null, bool? exists = null, string records = "$.tickets[*]") => new()
    {
        Records = records,
        Where = where,
        Is = isValue is null ? null : JsonSerializer.Deserialize<JsonElement>(isValue),
        IsNot = isNot is null ? null : JsonSerializer.Deserialize<JsonElement>(isNot),
        In = inValues?.Select(v => JsonSerializer.Deserialize<JsonElement>(v)).ToList(),
        Exists = exists,
    };
}
