namespace Dome.Functions.Tests.Deployment;

/// <summary>The repository's root folder (the one holding <c>Dome.Functions.sln</c>), found from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Dome.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Dome.Functions.sln)");
    }
}
