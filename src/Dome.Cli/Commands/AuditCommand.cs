using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Dome.Cli.Client;
using Dome.Cli.Output;

namespace Dome.Cli.Commands;

/// <summary><c>dome audit query</c>: the tenant's audit trail, newest first, following continuation tokens.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var agent = new Option<string?>("--agent") { Description = "The agent's id or name" };
        var user = new Option<string?>("--user") { Description = "The end user's subject" };
        var tool = new Option<string?>("--tool") { Description = "`connection/operation`" };
        var decision = new Option<string?>("--decision") { Description = "allow, deny, escalate or error" };
        var since = new Option<DateTimeOffset?>("--since") { Description = "From this time (inclusive, ISO 8601)" };
        var until = new Option<DateTimeOffset?>("--until") { Description = "Up to this time (exclusive, ISO 8601)" };
        var limit = new Option<int>("--limit") { Description = "At most this many events (default 100)", DefaultValueFactory = _ => 100 };
        var query = new Command("query", "Query audit events.") { agent, user, tool, decision, since, until, limit };
        CommandAction.Set(query, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var filter = new List<string>();
            Add(filter, "agent", parse.GetValue(agent));
            Add(filter, "user", parse.GetValue(user));
            Add(filter, "tool", parse.GetValue(tool));
            Add(filter, "decision", parse.GetValue(decision));
            Add(filter, "since", parse.GetValue(since)?.ToString("O", CultureInfo.InvariantCulture));
            Add(filter, "until", parse.GetValue(until)?.ToString("O", CultureInfo.InvariantCulture));
            var wanted = parse.GetValue(limit);
            var events = new JsonArray();
            string? token = null;
            do
            {
                var page = new List<string>(filter) { "limit=" + Math.Min(1000, wanted - events.Count).ToString(CultureInfo.InvariantCulture) };
                Add(page, "continuationToken", token);
                var result = await client.GetAsync("v1/audit?" + string.Join('&', page), ct).ConfigureAwait(false);
                foreach (var e in result["events"]!.AsArray().ToArray())
                {
                    events.Add(e!.DeepClone());
                }

                token = result["continuationToken"]?.GetValue<string>();
            }
            while (token is not null && events.Count < wanted);

            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, events);
                return;
            }

            TablePrinter.Print(context.Out, ["TIME", "AGENT", "TOOL", "DECISION", "POLICIES", "CALL"],
                events.OfType<JsonObject>().Select(e => (IReadOnlyList<string>)
                [
                    AgentPrinter.Text(e, "time"),
                    e["agentName"] is null ? AgentPrinter.Text(e, "agentId") : AgentPrinter.Text(e, "agentName"),
                    AgentPrinter.Text(e, "tool"),
                    AgentPrinter.Text(e, "decision"),
                    e["policyIds"] is JsonArray { Count: > 0 } ids ? string.Join(',', ids.Select(i => i!.GetValue<string>())) : "-",
                    AgentPrinter.Text(e, "id"),
                ]).ToArray());
        });
        var audit = new Command("audit", "Read the audit trail.");
        audit.Subcommands.Add(query);
        return audit;
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add(name + "=" + Uri.EscapeDataString(value));
        }
    }
}
