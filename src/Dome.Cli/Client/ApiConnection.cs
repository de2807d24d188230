using System.CommandLine;

namespace Dome.Cli.Client;

/// <summary>Resolves where Dome is and which key to present, from options, environment and the data directory.</summary>
internal static class ApiConnection
{
    public static DomeApiClient Admin(ParseResult parse, CliContext context) =>
        Create(parse, context, GlobalOptions.AdminKey, "DOME_ADMIN_KEY", "admin.key", "dome_adm_", "admin key");

    public static DomeApiClient Operator(ParseResult parse, CliContext context) =>
        Create(parse, context, GlobalOptions.OperatorKey, "DOME_OPERATOR_KEY", "operator.key", "dome_op_", "operator key");

    private static DomeApiClient Create(ParseResult parse, CliContext context, Option<string?> option, string variable, string fileName, string prefix, string what)
    {
        var url = parse.GetValue(GlobalOptions.Url) ?? context.Environment("DOME_URL") ?? GlobalOptions.DefaultUrl;
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            throw new CliException($"`{url}` is not an http(s) URL; set --url or DOME_URL", ExitCodes.Usage);
        }

        var key = ResolveKey(parse.GetValue(option) ?? context.Environment(variable), context, fileName, prefix)
            ?? throw new CliException($"no {what} found: pass {option.Name} (a key or a file holding one), set {variable}, or run from the folder holding .dome/{fileName}");
        var handler = context.HandlerFactory?.Invoke() ?? new SocketsHttpHandler();
        var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
        return new DomeApiClient(http, key);
    }

    private static string? ResolveKey(string? given, CliContext context, string fileName, string prefix)
    {
        if (given is not null)
        {
            if (given.StartsWith(prefix, StringComparison.Ordinal))
            {
                return given.Trim();
            }

            var path = Path.GetFullPath(given, context.CurrentDirectory);
            return File.Exists(path)
                ? File.ReadAllText(path).Trim()
                : throw new CliException($"`{given}` is neither a key (`{prefix}…`) nor a file that exists", ExitCodes.Usage);
        }

        var fallback = Path.Combine(context.CurrentDirectory, ".dome", fileName);
        return File.Exists(fallback) ? File.ReadAllText(fallback).Trim() : null;
    }
}
