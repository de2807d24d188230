using Dome.Cedar.Tests.Conformance;

namespace Dome.Cedar.Tests.Json;

/// <summary>The hand-written conformance tests, with every policy set read back from its JSON form.</summary>
public sealed class JsonPolicyConformanceTests
{
    public static TheoryData<string> Files() => HandWrittenTests.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void HandWritten_PoliciesThroughJson_AgreeWithReference(string file)
    {
        var root = ConformanceData.Folder();
        var failures = JsonPolicyConformance.Failures(Path.Combine(root, file), root);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
