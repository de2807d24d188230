using Dome.Cedar.Conformance;

namespace Dome.Cedar.Tests.Conformance;

/// <summary>The 22 hand-written integration tests (74 requests); entities and context are read with the test's schema.</summary>
public sealed class HandWrittenTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var root = ConformanceData.Folder();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "tests"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Fact]
    public void HandWritten_AllFiles_AreFound()
    {
        Assert.Equal(22, Files().Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void HandWritten_File_AgreesWithReference(string file)
    {
        var root = ConformanceData.Folder();
        var outcomes = IntegrationTestRunner.Run(Path.Combine(root, file), root);
        Assert.NotEmpty(outcomes);
        var failures = outcomes.Where(o => !o.Passed).ToArray();
        Assert.True(failures.Length == 0, string.Join("\n", failures.Select(f => $"{file} #{f.Index} ({f.Expected.Description}): {f.Failure}")));
    }
}
