using System.CommandLine;
using Dome.Cli.Cedar;

namespace Dome.Cli;

/// <summary>The `dome` root command.</summary>
internal static class DomeCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Dome: governance for AI agents' tool calls.");
        root.Subcommands.Add(CedarCommand.Create());
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
