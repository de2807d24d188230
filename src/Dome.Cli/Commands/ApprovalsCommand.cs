using System.CommandLine;
using System.Text.Json.Nodes;
using Dome.Cli.Client;
using Dome.Cli.Output;

namespace Dome.Cli.Commands;

/// <summary><c>dome approvals list|show|approve|deny</c>: the calls held by <c>@escalate</c> policies.</summary>
internal static class ApprovalsCommand
{
    public static Command Create(CliContext context)
    {
        var approvals = new Command("approvals", "List and decide calls waiting for approval.");
        var status = new Option<string?>("--status") { Description = "Only this status: pending, approved, denied or used" };
        var list = new Command("list", "List approval requests, newest first.") { status };
        CommandAction.Set(list, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var query = parse.GetValue(status) is { } s ? "?status=" + Uri.EscapeDataString(s) : string.Empty;
            var result = await client.GetAsync("v1/admin/approvals" + query, ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            TablePrinter.Print(context.Out, ["ID", "STATUS", "AGENT", "TOOL", "REASON", "EXPIRES"],
                result.AsArray().OfType<JsonObject>().Select(a => (IReadOnlyList<string>)
                [
                    AgentPrinter.Text(a, "id"),
                    AgentPrinter.Text(a, "status") + (a["expired"]?.GetValue<bool>() == true ? " (expired)" : string.Empty),
                    AgentPrinter.Text(a, "agentId"),
                    AgentPrinter.Text(a, "tool"),
                    AgentPrinter.Text(a, "reason"),
                    AgentPrinter.Text(a, "expiresAt"),
                ]).ToArray());
        });
        approvals.Subcommands.Add(list);

        var id = new Argument<string>("ID") { Description = "The approval's id (`apr_…`)" };
        var show = new Command("show", "Show one approval request.") { id };
        CommandAction.Set(show, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            AgentPrinter.Json(context.Out, await client.GetAsync("v1/admin/approvals/" + Uri.EscapeDataString(parse.GetValue(id)!), ct).ConfigureAwait(false));
        });
        approvals.Subcommands.Add(show);
        approvals.Subcommands.Add(Decide("approve", "Approve a pending request: the agent's retry with the same arguments passes once.", context));
        approvals.Subcommands.Add(Decide("deny", "Deny a pending request.", context));
        return approvals;
    }

    private static Command Decide(string verb, string description, CliContext context)
    {
        var id = new Argument<string>("ID") { Description = "The approval's id (`apr_…`)" };
        var comment = new Option<string?>("--comment") { Description = "A note kept with the decision" };
        var command = new Command(verb, description) { id, comment };
        CommandAction.Set(command, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var body = parse.GetValue(comment) is { } c ? new JsonObject { ["comment"] = c } : new JsonObject();
            var result = (JsonObject)await client.PostAsync($"v1/admin/approvals/{Uri.EscapeDataString(parse.GetValue(id)!)}/{verb}", body, ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            context.Out.WriteLine($"{AgentPrinter.Text(result, "id")} {AgentPrinter.Text(result, "status")} (expires {AgentPrinter.Text(result, "expiresAt")})");
        });
        return command;
    }
}
