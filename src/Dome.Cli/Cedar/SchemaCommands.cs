using System.CommandLine;

namespace Dome.Cli.Cedar;

/// <summary>Registers the schema commands (`validate`, `translate-schema`) under `dome cedar`.</summary>
internal static class SchemaCommands
{
    public static void Register(Command cedar)
    {
        cedar.Subcommands.Add(ValidateCommand.Create());
        cedar.Subcommands.Add(TranslateSchemaCommand.Create());
    }

    /// <summary>True for the JSON format: given explicitly, else guessed from a `.json` extension.</summary>
    public static bool IsJson(string? format, string path) =>
        format is null ? path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) : format == "json";
}
