using System.CommandLine;

namespace Dome.Cli.Cedar;

/// <summary>`dome cedar ...`: the Cedar engine's command line (authorize, test, validate).</summary>
internal static class CedarCommand
{
    public static Command Create()
    {
        var command = new Command("cedar", "Evaluate and test Cedar policies with Dome's engine.");
        command.Subcommands.Add(AuthorizeCommand.Create());
        command.Subcommands.Add(TestCommand.Create());
        SchemaCommands.Register(command);
        return command;
    }
}
