using System.CommandLine;
using Dome.Functions.Hosting;
using Microsoft.Extensions.Hosting;

namespace Dome.Cli.Commands;

/// <summary><c>dome serve</c>: runs the embedded server (SQLite, local key files, in-process queue dispatcher).</summary>
internal static class ServeCommand
{
    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => DomeServer.DefaultUrl };
        var data = new Option<string>("--data") { Description = "Data directory (database and key files)", DefaultValueFactory = _ => ".dome" };
        var command = new Command("serve", "Run Dome's embedded server.") { urls, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dataDir = Path.GetFullPath(parse.GetValue(data)!, context.CurrentDirectory);
            var app = DomeServer.Build(["--urls", parse.GetValue(urls)!, "--Dome:DataDir", dataDir]);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (IOException e)
            {
                await context.Error.WriteLineAsync($"error: cannot start: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
