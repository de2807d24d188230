namespace Dome.Cedar.Tests.Entities;

public sealed class EntityStoreTests
{
    [Theory]
    [InlineData("{}", "must be an array")]
    [InlineData("[{\"attrs\": {}}]", "has no `uid`")]
    [InlineData("[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {\"x\": 1.5}, \"parents\": []}]", "not a 64-bit integer")]
    [InlineData("[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {\"x\": null}, \"parents\": []}]", "Cedar has no null")]
    [InlineData("[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": []}, {\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": []}]", "duplicate entity `A::\"a\"`")]
    [InlineData("[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {\"x\": {\"__extn\": {\"fn\": \"ip\", \"arg\": \"nope\"}}}, \"parents\": []}]", "invalid extension value")]
    [InlineData("[", "not valid JSON")]
    [InlineData("[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"parents\": []}]", "has no `attrs`")]
    [InlineData("[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {}}]", "has no `parents`")]
    [InlineData("[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": null, \"parents\": []}]", "must be an object")]
    [InlineData("[{\"uid\": {\"type\": \"A B\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": []}]", "not a valid entity type name")]
    [InlineData("[{\"uid\": {\"type\": \"if\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": []}]", "not a valid entity type name")]
    [InlineData("[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {\"x\": {\"__expr\": \"1\"}}, \"parents\": []}]", "no longer supported")]
    public void FromJson_InvalidEntities_ThrowsClearError(string json, string expected)
    {
        var e = Assert.Throws<CedarParseException>(() => EntityStore.FromJson(json));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": [{\"type\": \"A\", \"id\": \"a\"}]}]")]
    [InlineData("[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": [{\"type\": \"A\", \"id\": \"b\"}]}, {\"uid\": {\"type\": \"A\", \"id\": \"b\"}, \"attrs\": {}, \"parents\": [{\"type\": \"A\", \"id\": \"a\"}]}]")]
    public void FromJson_CyclicHierarchy_Throws(string json)
    {
        var e = Assert.Throws<CedarParseException>(() => EntityStore.FromJson(json));
        Assert.Contains("has a cycle containing", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_DeepNesting_ThrowsInsteadOfOverflowing()
    {
        string json = "[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {\"x\": " + new string('[', 100_000) + new string(']', 100_000) + "}}]";
        Assert.Throws<CedarParseException>(() => EntityStore.FromJson(json));
    }

    [Fact]
    public void FromJson_ParentChain_ComputesTransitiveAncestors()
    {
        var store = EntityStore.FromJson("""
            [
              {"uid": {"type": "A", "id": "1"}, "attrs": {}, "parents": [{"__entity": {"type": "A", "id": "2"}}]},
              {"uid": {"type": "A", "id": "2"}, "attrs": {}, "parents": [{"type": "A", "id": "3"}]},
              {"uid": {"type": "A", "id": "3"}, "attrs": {}, "parents": [{"type": "A", "id": "missing"}]}
            ]
            """);
        var ancestors = store.AncestorsOf(EntityUid.Parse("A::\"1\""))!;
        Assert.Equal(["A::\"2\"", "A::\"3\"", "A::\"missing\""], ancestors.Select(a => a.ToString()).Order());
    }

    [Fact]
    public void ParseContext_ExtensionEscapes_BuildExtensionValues()
    {
        var context = Request.ParseContext("""{"ip": {"__extn": {"fn": "ip", "arg": "10.0.0.1"}}, "t": {"__extn": {"fn": "offset", "args": [{"__extn": {"fn": "datetime", "arg": "1970-01-01"}}, {"__extn": {"fn": "duration", "arg": "1s"}}]}}}""");
        Assert.Equal("ip(\"10.0.0.1\")", context.Attributes["ip"].ToString());
        Assert.Equal("datetime(\"1970-01-01T00:00:01.000Z\")", context.Attributes["t"].ToString());
    }
}
