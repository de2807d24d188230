using System.CommandLine;

namespace Dome.Cli;

/// <summary>Options every API command accepts: where Dome is, which key to use, how to print.</summary>
internal static class GlobalOptions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static readonly Option<string?> Url = new("--url")
    {
        Description = $"Dome's base URL (env DOME_URL; default {DefaultUrl})",
        Recursive = true,
    };

    public static readonly Option<string?> AdminKey = new("--admin-key")
    {
        Description = "A tenant admin key, or a file holding one (env DOME_ADMIN_KEY; default ./.dome/admin.key if present)",
        Recursive = true,
    };

    public static readonly Option<string?> OperatorKey = new("--operator-key")
    {
        Description = "The operator key, or a file holding it (env DOME_OPERATOR_KEY; default ./.dome/operator.key if present)",
        Recursive = true,
    };

    public static readonly Option<string> Output = CreateOutput();

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Url);
        root.Options.Add(AdminKey);
        root.Options.Add(OperatorKey);
        root.Options.Add(Output);
    }

    private static Option<string> CreateOutput()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "Output format: table (for people) or json (stable, for scripts and CI)",
            DefaultValueFactory = _ => "table",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("table", "json");
        return option;
    }
}
