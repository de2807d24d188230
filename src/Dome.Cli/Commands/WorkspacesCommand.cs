using System.CommandLine;
using System.Text.Json.Nodes;
using Dome.Cli.Client;
using Dome.Cli.Output;

namespace Dome.Cli.Commands;

/// <summary>
/// <c>dome workspaces …</c>: in the admin key's own tenant, or, with <c>--tenant</c>, in any tenant by the operator key.
/// </summary>
internal static class WorkspacesCommand
{
    private static readonly Option<string?> Tenant = new("--tenant") { Description = "Act on this tenant with the operator key (default: the admin key's own tenant)" };

    public static Command Create(CliContext context)
    {
        var workspaces = new Command("workspaces", "Create and list workspaces.");

        var name = new Argument<string>("NAME") { Description = "The workspace's name" };
        var create = new Command("create", "Create a workspace.") { name, Tenant };
        CommandAction.Set(create, context, async (parse, ct) =>
        {
            var (client, path) = Target(parse, context);
            using (client)
            {
                var result = await client.PostAsync(path, new JsonObject { ["name"] = parse.GetValue(name) }, ct).ConfigureAwait(false);
                if (CommandAction.Json(parse))
                {
                    AgentPrinter.Json(context.Out, result);
                    return;
                }

                context.Out.WriteLine($"created workspace {result["name"]}");
            }
        });
        workspaces.Subcommands.Add(create);

        var list = new Command("list", "List workspaces.") { Tenant };
        CommandAction.Set(list, context, async (parse, ct) =>
        {
            var (client, path) = Target(parse, context);
            using (client)
            {
                var result = await client.GetAsync(path, ct).ConfigureAwait(false);
                if (CommandAction.Json(parse))
                {
                    AgentPrinter.Json(context.Out, result);
                    return;
                }

                TablePrinter.Print(context.Out, ["NAME", "CREATED"],
                    result.AsArray().OfType<JsonObject>().Select(w => (IReadOnlyList<string>)
                        [AgentPrinter.Text(w, "name"), AgentPrinter.Text(w, "createdAt")]).ToArray());
            }
        });
        workspaces.Subcommands.Add(list);
        return workspaces;
    }

    private static (DomeApiClient Client, string Path) Target(ParseResult parse, CliContext context) =>
        parse.GetValue(Tenant) is { } tenant
            ? (ApiConnection.Operator(parse, context), $"v1/operator/tenants/{Uri.EscapeDataString(tenant)}/workspaces")
            : (ApiConnection.Admin(parse, context), "v1/admin/workspaces");
}
