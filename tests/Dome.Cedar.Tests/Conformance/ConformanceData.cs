namespace Dome.Cedar.Tests.Conformance;

/// <summary>Finds the shared conformance data: `DOME_CEDAR_CONFORMANCE`, else `../shared/cedar-conformance` next to the folder holding Dome.Functions.sln.</summary>
internal static class ConformanceData
{
    public static string Folder()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("DOME_CEDAR_CONFORMANCE");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dome.Functions.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("cannot find Dome.Functions.sln above the test binaries; set DOME_CEDAR_CONFORMANCE");
        }

        return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "cedar-conformance"));
    }
}
