using System.CommandLine;

namespace Dome.Cli.Commands;

/// <summary>Runs a command's work and turns its failures into a printed message and an exit code.</summary>
internal static class CommandAction
{
    public static void Set(Command command, CliContext context, Func<ParseResult, CancellationToken, Task> work) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await work(parse, cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (CliException e)
            {
                await context.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
                return e.ExitCode;
            }
        });

    public static bool Json(ParseResult parse) => parse.GetValue(GlobalOptions.Output) == "json";
}
