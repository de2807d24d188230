using System.CommandLine;
using System.Text.Json.Nodes;
using Dome.Cli.Client;
using Dome.Cli.Output;

namespace Dome.Cli.Commands;

/// <summary>
/// <c>dome secrets …</c>: the tenant's secrets. A value is read from standard input only (never a flag, which
/// would land in shell history and process listings) and is never printed back.
/// </summary>
internal static class SecretsCommand
{
    public static Command Create(CliContext context)
    {
        var secrets = new Command("secrets", "Manage secrets (upstream credentials). Values are read from stdin and never shown.");

        var name = new Argument<string>("NAME") { Description = "The secret's name, as connections refer to it (`--secret NAME`)" };
        var set = new Command("set", "Create or replace a secret; the value is read from standard input (`dome secrets set zd < token.txt`).") { name };
        CommandAction.Set(set, context, async (parse, ct) =>
        {
            var input = context.In ?? throw new CliException("no standard input to read the secret from");
            var value = (await input.ReadToEndAsync(ct).ConfigureAwait(false)).TrimEnd('\r', '\n');
            if (value.Length == 0)
            {
                throw new CliException("the secret value is empty: pipe it on standard input, for example `dome secrets set NAME < file`");
            }

            using var client = ApiConnection.Admin(parse, context);
            var result = await client.PutAsync($"v1/admin/secrets/{Uri.EscapeDataString(parse.GetValue(name)!)}", new JsonObject { ["value"] = value }, ct).ConfigureAwait(false);
            context.Out.WriteLine($"set secret {result["name"]}");
        });
        secrets.Subcommands.Add(set);

        var list = new Command("list", "List secret names (never values).");
        CommandAction.Set(list, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var result = await client.GetAsync("v1/admin/secrets", ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            TablePrinter.Print(context.Out, ["NAME", "UPDATED"],
                result.AsArray().OfType<JsonObject>().Select(s => (IReadOnlyList<string>)[AgentPrinter.Text(s, "name"), AgentPrinter.Text(s, "updatedAt")]).ToArray());
        });
        secrets.Subcommands.Add(list);

        var removeName = new Argument<string>("NAME") { Description = "The secret to remove" };
        var remove = new Command("remove", "Remove a secret.") { removeName };
        CommandAction.Set(remove, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            await client.DeleteAsync($"v1/admin/secrets/{Uri.EscapeDataString(parse.GetValue(removeName)!)}", ct).ConfigureAwait(false);
            context.Out.WriteLine($"removed secret {parse.GetValue(removeName)}");
        });
        secrets.Subcommands.Add(remove);
        return secrets;
    }
}
