using Dome.Testing;

namespace Dome.Cli.Tests;

/// <summary>
/// Runs `dome` in process against a real server on loopback. The server's data directory is
/// <c>&lt;work&gt;/.dome</c> and the CLI runs in <c>&lt;work&gt;</c>, as after the README's run command.
/// </summary>
public abstract class CliTestBase : IAsyncLifetime
{
    private readonly TempDirectory work = new();

    protected DomeTestServer Server { get; private set; } = null!;

    protected string WorkDir => work.Path;

    protected Dictionary<string, string> Environment { get; } = [];

    /// <summary>What the next runs read on standard input (null: none).</summary>
    protected string? Stdin { get; set; }

    public async ValueTask InitializeAsync()
    {
        Server = await DomeTestServer.StartAsync(Path.Combine(work.Path, ".dome"));
        Environment["DOME_URL"] = Server.BaseAddress.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        work.Dispose();
    }

    /// <summary>Runs `dome` with <paramref name="commandLine"/> (split on spaces; use <see cref="RunArgsAsync"/> for values with spaces).</summary>
    protected Task<CliRun> RunAsync(string commandLine) => RunArgsAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    protected async Task<CliRun> RunArgsAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            Environment = name => Environment.GetValueOrDefault(name),
            CurrentDirectory = work.Path,
            In = Stdin is null ? null : new StringReader(Stdin),
        };
        var exitCode = await DomeCli.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    protected sealed record CliRun(int ExitCode, string Output, string Error);
}
