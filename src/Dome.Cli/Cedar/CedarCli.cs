using System.CommandLine;
using Dome.Cedar;

namespace Dome.Cli.Cedar;

/// <summary>Shared plumbing of the `dome cedar` commands: running an action with clear error output, and reading files.</summary>
internal static class CedarCli
{
    public const int ExitAllow = 0;
    public const int ExitFailure = 1;
    public const int ExitDeny = 2;

    /// <summary>Runs <paramref name="action"/>; expected failures print `error: ...` and exit 1.</summary>
    public static int Run(ParseResult parse, Func<TextWriter, TextWriter, int> action)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return action(output, error);
        }
        catch (Exception e) when (e is CliFailure or CedarParseException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            error.WriteLine("error: " + e.Message);
            return ExitFailure;
        }
    }

    public static string ReadFile(FileInfo file, string what)
    {
        if (!file.Exists)
        {
            throw new CliFailure($"{what} file `{file.FullName}` does not exist");
        }

        return File.ReadAllText(file.FullName);
    }

    public static EntityUid ParseUid(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliFailure($"`{option}` is required (an entity uid such as `User::\"alice\"`)");
        }

        try
        {
            return EntityUid.Parse(text);
        }
        catch (CedarParseException e)
        {
            throw new CliFailure($"`{option}` is not an entity uid such as `User::\"alice\"`: {e.Message}");
        }
    }
}
