using System.CommandLine;
using Dome.Cedar.Schema;

namespace Dome.Cli.Cedar;

/// <summary>`dome cedar translate-schema --from cedar|json FILE`: prints the schema in the other format (exit 0), or errors (exit 1).</summary>
internal static class TranslateSchemaCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "format of FILE: cedar or json", Required = true };
        from.AcceptOnlyFromAmong("cedar", "json");
        var file = new Argument<FileInfo>("FILE") { Description = "schema file to translate" };
        var command = new Command("translate-schema", "Translate a schema between the human-readable and JSON formats.")
        {
            from,
            file,
        };
        command.SetAction(result => Run(
            result.GetValue(from)!,
            result.GetValue(file)!,
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string from, FileInfo file, TextWriter output, TextWriter error)
    {
        try
        {
            string text = File.ReadAllText(file.FullName);
            output.WriteLine(from == "json" ? CedarSchema.JsonToText(text) : CedarSchema.TextToJson(text));
            return 0;
        }
        catch (CedarSchemaException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                error.WriteLine($"error: {file.Name}:{diagnostic}");
            }

            return 1;
        }
        catch (IOException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
