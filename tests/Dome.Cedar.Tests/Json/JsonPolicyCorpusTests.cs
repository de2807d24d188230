using System.Formats.Tar;
using System.IO.Compression;
using Dome.Cedar.Tests.Conformance;

namespace Dome.Cedar.Tests.Json;

/// <summary>
/// The official generated corpus (7,809 tests, 62,472 requests) with every policy set read back
/// from its JSON form: all decisions, reasons and errors must still agree with the reference.
/// </summary>
public sealed class JsonPolicyCorpusTests
{
    // Slow (about 1.5 minutes in Debug): exclude with --filter "Category!=Corpus" when iterating.
    [Fact]
    [Trait("Category", "Corpus")]
    public void Corpus_PoliciesThroughJson_AgreeWithReference()
    {
        var temp = Path.Combine(Path.GetTempPath(), "dome-cedar-json-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        try
        {
            using (var file = File.OpenRead(Path.Combine(ConformanceData.Folder(), "corpus-tests.tar.gz")))
            using (var gzip = new GZipStream(file, CompressionMode.Decompress))
            {
                TarFile.ExtractToDirectory(gzip, temp, overwriteFiles: true);
            }

            var files = Directory.GetFiles(Path.Combine(temp, "corpus-tests"), "*.json")
                .Where(f => !f.EndsWith(".entities.json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToArray();
            var failures = files.SelectMany(f => JsonPolicyConformance.Failures(f, temp)).ToList();

            Assert.Equal(7809, files.Length);
            Assert.True(failures.Count == 0, $"{failures.Count} requests disagree; first ones:\n" + string.Join("\n", failures.Take(15)));
        }
        finally
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
}
