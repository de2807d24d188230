using System.CommandLine;
using System.Text.Json.Nodes;
using Dome.Cli.Client;
using Dome.Cli.Output;

namespace Dome.Cli.Commands;

/// <summary><c>dome keys …</c>: Dome's token signing keys (the operator key).</summary>
internal static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var keys = new Command("keys", "Dome's token signing keys.");
        var list = new Command("list", "List the published signing keys, newest first.");
        CommandAction.Set(list, context, (parse, ct) => RunAsync(parse, context, HttpMethod.Get, "v1/operator/signing-keys", ct));
        keys.Subcommands.Add(list);
        var rotate = new Command("rotate", "Add a new signing key; the old one stays published until every token it signed has expired.");
        CommandAction.Set(rotate, context, (parse, ct) => RunAsync(parse, context, HttpMethod.Post, "v1/operator/signing-keys/rotate", ct));
        keys.Subcommands.Add(rotate);
        return keys;
    }

    private static async Task RunAsync(ParseResult parse, CliContext context, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        using var client = ApiConnection.Operator(parse, context);
        var result = method == HttpMethod.Get
            ? await client.GetAsync(path, cancellationToken).ConfigureAwait(false)
            : await client.PostAsync(path, null, cancellationToken).ConfigureAwait(false);
        if (CommandAction.Json(parse))
        {
            AgentPrinter.Json(context.Out, result);
            return;
        }

        TablePrinter.Print(context.Out, ["KID", "CURRENT", "CREATED", "PUBLISHED UNTIL"],
            result.AsArray().OfType<JsonObject>().Select(k => (IReadOnlyList<string>)
                [AgentPrinter.Text(k, "kid"), k["current"]?.GetValue<bool>() == true ? "yes" : "no", AgentPrinter.Text(k, "createdAt"), AgentPrinter.Text(k, "publishedUntil")]).ToArray());
    }
}
