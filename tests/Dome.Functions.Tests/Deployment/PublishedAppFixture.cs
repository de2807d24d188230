using System.Reflection;
using Dome.Testing;

namespace Dome.Functions.Tests.Deployment;

/// <summary>
/// Runs <c>scripts/publish</c> once for the test class into a temp folder: the deployable folder the Functions host
/// would get. With the test assembly built in Release (the way the suite runs), it publishes that build
/// (<c>--no-build</c>); otherwise it builds first.
/// </summary>
public sealed class PublishedAppFixture : IAsyncLifetime
{
    private readonly TempDirectory directory = new();

    public string Root => Path.Combine(directory.Path, "publish");

    public async ValueTask InitializeAsync()
    {
        var release = typeof(PublishedAppFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration == "Release";
        List<string> arguments = [RepositoryRoot.Combine("scripts", "publish")];
        if (release)
        {
            arguments.Add("--no-build");
        }

        arguments.Add(Root);
        var result = await ChildProcess.RunAsync("bash", arguments, RepositoryRoot.Path, TestContext.Current.CancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("scripts/publish failed: " + result.Describe());
        }
    }

    public ValueTask DisposeAsync()
    {
        directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
