using System.CommandLine;
using Dome.Cli.Cedar;
using Dome.Cli.Commands;

namespace Dome.Cli;

/// <summary>The `dome` root command. Exit codes: 0 ok, 1 failure, 2 usage error.</summary>
internal static class DomeCli
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliContext.Console());

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Dome: governance for AI agents' tool calls.");
        GlobalOptions.AddTo(root);
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(AgentsCommand.Create(context));
        root.Subcommands.Add(TenantsCommand.Create(context));
        root.Subcommands.Add(WorkspacesCommand.Create(context));
        root.Subcommands.Add(TokenCommand.Create(context));
        root.Subcommands.Add(IdpCommand.Create(context));
        root.Subcommands.Add(KeysCommand.Create(context));
        root.Subcommands.Add(LimitsCommand.Create(context));
        root.Subcommands.Add(CedarCommand.Create());
        root.Subcommands.Add(PolicyCommand.Create(context));
        root.Subcommands.Add(ApprovalsCommand.Create(context));
        root.Subcommands.Add(AuditCommand.Create(context));
        root.Subcommands.Add(ToolsCommand.Create(context));
        root.Subcommands.Add(SecretsCommand.Create(context));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync("error: " + error.Message).ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync($"run `dome {string.Join(' ', CommandPath(parse))} --help` for usage").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            await context.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return e.ExitCode;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await context.Error.WriteLineAsync($"error: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Push(result.Command.Name);
        }

        return names;
    }
}
