using System.Formats.Tar;
using System.IO.Compression;
using Dome.Cedar.Conformance;

namespace Dome.Cedar.Tests.Conformance;

/// <summary>Unpacks corpus-tests.tar.gz into a temporary folder once and runs every corpus test file once.</summary>
public sealed class CorpusFixture : IDisposable
{
    private readonly string temp;

    public CorpusFixture()
    {
        temp = Path.Combine(Path.GetTempPath(), "dome-cedar-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        using (var file = File.OpenRead(Path.Combine(ConformanceData.Folder(), "corpus-tests.tar.gz")))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            TarFile.ExtractToDirectory(gzip, temp, overwriteFiles: true);
        }

        var files = Directory.GetFiles(Path.Combine(temp, "corpus-tests"), "*.json")
            .Where(f => !f.EndsWith(".entities.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        TestFiles = files.Length;
        Outcomes = files.SelectMany(f => IntegrationTestRunner.Run(f, temp)).ToArray();

        // :: Optional full failure list for debugging: DOME_CEDAR_CORPUS_REPORT=/path/to/report.txt
        string? report = Environment.GetEnvironmentVariable("DOME_CEDAR_CORPUS_REPORT");
        if (!string.IsNullOrEmpty(report))
        {
            File.WriteAllLines(report, Outcomes.Where(o => !o.Passed).Select(o => $"{Path.GetFileName(o.File)} #{o.Index}: {o.Failure}"));
        }
    }

    public int TestFiles { get; }

    internal IReadOnlyList<IntegrationOutcome> Outcomes { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(temp, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
