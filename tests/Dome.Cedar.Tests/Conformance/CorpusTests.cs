namespace Dome.Cedar.Tests.Conformance;

/// <summary>The official generated corpus (7,809 tests, 62,472 requests): every request's decision, reasons and errors must agree.</summary>
public sealed class CorpusTests(CorpusFixture corpus) : IClassFixture<CorpusFixture>
{
    [Fact]
    public void Corpus_AllFiles_AreReadWithAllRequests()
    {
        Assert.Equal(7809, corpus.TestFiles);
        Assert.Equal(62472, corpus.Outcomes.Count);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("4")]
    [InlineData("5")]
    [InlineData("6")]
    [InlineData("7")]
    [InlineData("8")]
    [InlineData("9")]
    [InlineData("a")]
    [InlineData("b")]
    [InlineData("c")]
    [InlineData("d")]
    [InlineData("e")]
    [InlineData("f")]
    public void Corpus_RequestsInChunk_AgreeWithReference(string prefix)
    {
        var chunk = corpus.Outcomes.Where(o => Path.GetFileName(o.File).StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(chunk);
        var failures = chunk.Where(o => !o.Passed).ToArray();
        Assert.True(
            failures.Length == 0,
            $"{failures.Length} of {chunk.Length} requests disagree; first ones:\n"
            + string.Join("\n", failures.Take(15).Select(f => $"{Path.GetFileName(f.File)} #{f.Index}: {f.Failure}")));
    }
}
