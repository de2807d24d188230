using System.CommandLine;
using System.Text.Json.Nodes;
using Dome.Cli.Client;
using Dome.Cli.Output;

namespace Dome.Cli.Commands;

/// <summary><c>dome tenants …</c>: the operator creates tenants and their admin keys.</summary>
internal static class TenantsCommand
{
    public static Command Create(CliContext context)
    {
        var tenants = new Command("tenants", "Create and list tenants (operator key).");

        var name = new Argument<string>("NAME") { Description = "The tenant's name" };
        var create = new Command("create", "Create a tenant with a `default` workspace and print its admin key once.") { name };
        CommandAction.Set(create, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Operator(parse, context);
            var result = await client.PostAsync("v1/operator/tenants", new JsonObject { ["name"] = parse.GetValue(name) }, ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            context.Out.WriteLine($"created tenant {result["name"]} with workspace default");
            context.Out.WriteLine($"admin key (shown once; store it now): {result["adminKey"]}");
        });
        tenants.Subcommands.Add(create);

        var list = new Command("list", "List tenants.");
        CommandAction.Set(list, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Operator(parse, context);
            var result = await client.GetAsync("v1/operator/tenants", ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            TablePrinter.Print(context.Out, ["NAME", "ID", "CREATED"],
                result.AsArray().OfType<JsonObject>().Select(t => (IReadOnlyList<string>)
                    [AgentPrinter.Text(t, "name"), AgentPrinter.Text(t, "id"), AgentPrinter.Text(t, "createdAt")]).ToArray());
        });
        tenants.Subcommands.Add(list);
        return tenants;
    }
}
