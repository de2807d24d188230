using System.CommandLine;
using System.Text.Json.Nodes;
using Dome.Cli.Client;
using Dome.Cli.Output;

namespace Dome.Cli.Commands;

/// <summary><c>dome limits set|list|remove</c>: rate limits, concurrency limits and daily quotas of the admin key's tenant.</summary>
internal static class LimitsCommand
{
    private static readonly Option<string> Scope = new("--scope")
    {
        Description = "What the limit counts: agent, tenant, customer or tool",
        Required = true,
    };

    private static readonly Option<string?> Name = new("--name")
    {
        Description = "The agent, customer, tool (connection/tool) or connection; `*` for each one without its own limit. Not needed for tenant.",
    };

    public static Command Create(CliContext context)
    {
        var limits = new Command("limits", "Set and list rate limits, concurrency limits and daily quotas.");
        limits.Subcommands.Add(Set(context));
        limits.Subcommands.Add(List(context));
        limits.Subcommands.Add(Remove(context));
        return limits;
    }

    private static Command Set(CliContext context)
    {
        var rps = new Option<double?>("--rps") { Description = "Sustained requests per second" };
        var burst = new Option<int?>("--burst") { Description = "Requests allowed at once after a quiet period (default: the rate)" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Calls in flight at the same time" };
        var daily = new Option<long?>("--daily-quota") { Description = "Calls per UTC day; survives restarts" };
        var set = new Command("set", "Set the limits of one scope and name, replacing what was set before.") { Scope, Name, rps, burst, concurrency, daily };
        CommandAction.Set(set, context, async (parse, ct) =>
        {
            var body = new JsonObject();
            Add(body, "rps", parse.GetValue(rps));
            Add(body, "burst", parse.GetValue(burst));
            Add(body, "concurrency", parse.GetValue(concurrency));
            Add(body, "dailyQuota", parse.GetValue(daily));
            using var client = ApiConnection.Admin(parse, context);
            var result = await client.PutAsync(PathOf(parse), body, ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            context.Out.WriteLine($"set {result["scope"]} {result["name"]}: {Describe(result)}");
        });
        return set;
    }

    private static Command List(CliContext context)
    {
        var list = new Command("list", "List the tenant's limits with today's quota use.");
        CommandAction.Set(list, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var result = await client.GetAsync("v1/admin/limits", ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            TablePrinter.Print(context.Out, ["SCOPE", "NAME", "RPS", "BURST", "CONCURRENCY", "DAILY QUOTA", "USED TODAY"],
                result.AsArray().OfType<JsonObject>().Select(l => (IReadOnlyList<string>)
                [
                    AgentPrinter.Text(l, "scope"), AgentPrinter.Text(l, "name"), Value(l, "rps"), Value(l, "burst"),
                    Value(l, "concurrency"), Value(l, "dailyQuota"), Value(l, "usedToday"),
                ]).ToArray());
        });
        return list;
    }

    private static Command Remove(CliContext context)
    {
        var remove = new Command("remove", "Remove the limits of one scope and name.") { Scope, Name };
        CommandAction.Set(remove, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            await client.DeleteAsync(PathOf(parse), ct).ConfigureAwait(false);
            context.Out.WriteLine($"removed the limits of {parse.GetValue(Scope)} {parse.GetValue(Name) ?? "*"}");
        });
        return remove;
    }

    private static string PathOf(ParseResult parse)
    {
        var scope = parse.GetValue(Scope)!;
        var name = parse.GetValue(Name) ?? (scope == "tenant" ? "*" : throw new CliException($"--name is required for scope `{scope}`"));
        return $"v1/admin/limits/{Uri.EscapeDataString(scope)}/{string.Join('/', name.Split('/').Select(Uri.EscapeDataString))}";
    }

    private static void Add<T>(JsonObject body, string member, T? value)
        where T : struct
    {
        if (value is { } present)
        {
            body[member] = JsonValue.Create(present);
        }
    }

    private static string Value(JsonObject limit, string member) =>
        limit[member] is JsonValue value ? value.ToJsonString() : "-";

    private static string Describe(JsonNode limit)
    {
        var parts = new List<string>();
        if (limit["rps"] is { } rps)
        {
            parts.Add($"{rps} rps (burst {limit["burst"]?.ToString() ?? "= rate"})");
        }

        if (limit["concurrency"] is { } concurrency)
        {
            parts.Add($"{concurrency} concurrent");
        }

        if (limit["dailyQuota"] is { } daily)
        {
            parts.Add($"{daily} per day");
        }

        return string.Join(", ", parts);
    }
}
