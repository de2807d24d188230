using System.Text.Json.Nodes;
using Dome.Cedar.Json;

namespace Dome.Cedar.Tests.Json;

public sealed class EstJsonRoundTripTests
{
    public static TheoryData<int> CorpusIndexes() => EstCorpus.Indexes();

    [Fact]
    public void Corpus_IsLoaded()
    {
        Assert.True(EstCorpus.All.Count >= 100, $"only {EstCorpus.All.Count} corpus entries");
        Assert.Contains(EstCorpus.All, e => e.Json.Contains("\"slot\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CorpusIndexes))]
    public void ReadThenWrite_ReferenceJson_GivesSameJson(int index)
    {
        var entry = EstCorpus.All[index];
        Assert.True(EstJsonReader.TryReadPolicy(entry.Json, out var policy, out var error), error);

        var written = EstJsonWriter.WritePolicy(policy);

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(entry.Json), JsonNode.Parse(written)),
            $"policy: {entry.Text}\nexpected: {entry.Json}\nactual:   {written}");
    }

    [Theory]
    [MemberData(nameof(CorpusIndexes))]
    public void ReadThenWrite_ReferenceJson_KeepsTemplateness(int index)
    {
        var entry = EstCorpus.All[index];
        Assert.True(EstJsonReader.TryReadPolicy(entry.Json, out var policy, out var error), error);
        Assert.Equal(entry.Text.Contains("?principal", StringComparison.Ordinal) || entry.Text.Contains("?resource", StringComparison.Ordinal), policy.IsTemplate);
    }

    [Fact]
    public void WritePolicy_KeyOrder_MatchesReference()
    {
        const string json = """{"effect":"forbid","principal":{"op":"==","entity":{"type":"User","id":"a"}},"action":{"op":"All"},"resource":{"op":"is","entity_type":"Doc","in":{"slot":"?resource"}},"conditions":[{"kind":"unless","body":{"Value":-5}}],"annotations":{"id":"x","b":null}}""";
        Assert.True(EstJsonReader.TryReadPolicy(json, out var policy, out var error), error);
        Assert.Equal(json, EstJsonWriter.WritePolicy(policy));
    }

    [Theory]
    [InlineData("""{"Value":[1,2,{"a":1}]}""", """{"Set":[{"Value":1},{"Value":2},{"Record":{"a":{"Value":1}}}]}""")]
    [InlineData("""{"Value":{"__extn":{"fn":"decimal","arg":"1.0"}}}""", """{"decimal":[{"Value":"1.0"}]}""")]
    [InlineData("""{"Value":{"__extn":{"fn":"offset","args":[{"__extn":{"fn":"datetime","arg":"1970-01-01"}},{"__extn":{"fn":"duration","arg":"5ms"}}]}}}""", """{"offset":[{"datetime":[{"Value":"1970-01-01"}]},{"duration":[{"Value":"5ms"}]}]}""")]
    [InlineData("""{"Value":{"type":"A","id":"b"}}""", """{"Record":{"type":{"Value":"A"},"id":{"Value":"b"}}}""")]
    [InlineData("""{"Value":{"__entity":{"type":"A","id":"b"}}}""", """{"Value":{"__entity":{"type":"A","id":"b"}}}""")]
    [InlineData("""{"Value":{"__entity":{"type":"A","id":"b","x":1}}}""", """{"Value":{"__entity":{"type":"A","id":"b"}}}""")]
    [InlineData("""{"Value":{"__entity":{"type":"A","id":"b"},"x":1}}""", """{"Record":{"__entity":{"Record":{"type":{"Value":"A"},"id":{"Value":"b"}}},"x":{"Value":1}}}""")]
    [InlineData("""{"Value":{"__entity":"All"}}""", """{"Record":{"__entity":{"Value":"All"}}}""")]
    [InlineData("""{"Value":{"__entity":{"__entity":{"type":"A","id":"b"}}}}""", """{"Record":{"__entity":{"Value":{"__entity":{"type":"A","id":"b"}}}}}""")]
    [InlineData("""{"Value":{"__extn":{"fn":"decimal","arg":"1.0","args":["2.0"]}}}""", """{"decimal":[{"Value":"1.0"}]}""")]
    [InlineData("""{"Value":{"__extn":{"fn":"decimal","arg":"1.0"},"y":2}}""", """{"Record":{"__extn":{"Record":{"fn":{"Value":"decimal"},"arg":{"Value":"1.0"}}},"y":{"Value":2}}}""")]
    [InlineData("""{"Value":-9223372036854775808}""", """{"Value":-9223372036854775808}""")]
    [InlineData("""{"has":{"left":{"Var":"context"},"attr":["a","b c"]}}""", """{"has":{"left":{"Var":"context"},"attr":["a","b c"]}}""")]
    [InlineData("""{"like":{"left":{"Var":"context"},"pattern":[{"Literal":"ab*c"},"Wildcard"]}}""", """{"like":{"left":{"Var":"context"},"pattern":[{"Literal":"ab*c"},"Wildcard"]}}""")]
    // Escape handling (single-field escapes, extra fields inside ignored, anything else a record) was checked against cedar-wasm 4.13.0.
    public void ReadThenWrite_ValueEscapes_BecomeExpressions(string body, string expectedBody)
    {
        var json = $$"""{"effect":"permit","principal":{"op":"All"},"action":{"op":"All"},"resource":{"op":"All"},"conditions":[{"kind":"when","body":{{body}}}]}""";
        Assert.True(EstJsonReader.TryReadPolicy(json, out var policy, out var error), error);
        var written = JsonNode.Parse(EstJsonWriter.WritePolicy(policy))!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expectedBody), written["conditions"]![0]!["body"]), written.ToJsonString());
    }
}
