using System.Formats.Tar;
using System.IO.Compression;

namespace Dome.Cedar.Tests.Schema;

/// <summary>
/// Finds the shared conformance data (shared/cedar-conformance beside or above the repository, or the
/// DOME_CEDAR_CONFORMANCE variable) and unpacks the corpus tarball once per run into a temp folder.
/// </summary>
internal static class ConformanceData
{
    private static readonly Lazy<string?> Root = new(FindRoot);
    private static readonly Lazy<string?> Corpus = new(Unpack);

    /// <summary>The conformance folder, or null when it cannot be found.</summary>
    public static string? RootDirectory => Root.Value;

    /// <summary>The folder holding <c>corpus-tests/</c> after unpacking, or null.</summary>
    public static string? CorpusDirectory => Corpus.Value;

    /// <summary>Skips the calling test when the data is not on this machine.</summary>
    public static string RequireRoot() =>
        RootDirectory ?? throw Xunit.Sdk.SkipException.ForSkip("shared/cedar-conformance was not found");

    /// <summary>Skips the calling test when the corpus is not on this machine.</summary>
    public static string RequireCorpus() =>
        CorpusDirectory ?? throw Xunit.Sdk.SkipException.ForSkip("corpus-tests.tar.gz was not found");

    /// <summary>Test ids listed in validation-4.13-flips.txt.</summary>
    public static HashSet<string> ValidationFlips()
    {
        string path = Path.Combine(RequireRoot(), "validation-4.13-flips.txt");
        return File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    private static string? FindRoot()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("DOME_CEDAR_CONFORMANCE");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
        {
            return fromEnv;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "cedar-conformance");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? Unpack()
    {
        string? root = RootDirectory;
        string archive = root is null ? string.Empty : Path.Combine(root, "corpus-tests.tar.gz");
        if (!File.Exists(archive))
        {
            return null;
        }

        string target = Path.Combine(Path.GetTempPath(), "dome-cedar-schema-corpus-" + Environment.ProcessId);
        if (Directory.Exists(Path.Combine(target, "corpus-tests")))
        {
            return target;
        }

        Directory.CreateDirectory(target);
        using var file = File.OpenRead(archive);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        TarFile.ExtractToDirectory(gzip, target, overwriteFiles: true);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(target, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return target;
    }
}
