using System.CommandLine;
using System.Text.Json.Nodes;
using Dome.Cli.Client;
using Dome.Cli.Output;

namespace Dome.Cli.Commands;

/// <summary><c>dome agents …</c>: register agents and move them through their lifecycle.</summary>
internal static class AgentsCommand
{
    private static readonly Option<string?> Workspace = new("--workspace", "-w") { Description = "Workspace (default: `default`)" };

    public static Command Create(CliContext context)
    {
        var agents = new Command("agents", "Register agents and operate their lifecycle.");
        agents.Subcommands.Add(Register("register", "Register an agent (it starts `provisioned`) and print its API key once.", context));
        agents.Subcommands.Add(Register("provision", "Same as `register`: create an agent in state `provisioned`.", context));
        agents.Subcommands.Add(List(context));
        agents.Subcommands.Add(Show(context));
        foreach (var (verb, description) in new[]
        {
            ("activate", "Activate a provisioned agent: it may now get tokens and call tools."),
            ("suspend", "Suspend an active agent: its tokens stop working."),
            ("resume", "Resume a suspended agent."),
            ("revoke", "Revoke an agent for good (terminal)."),
        })
        {
            agents.Subcommands.Add(Transition(verb, description, context));
        }

        agents.Subcommands.Add(RotateKey(context));
        return agents;
    }

    private static Command Register(string verb, string description, CliContext context)
    {
        var name = new Option<string>("--name", "-n") { Description = "Agent name, unique in its workspace", Required = true };
        var owner = new Option<string?>("--owner") { Description = "Who is accountable for the agent (default: your user name)" };
        var tier = new Option<string>("--tier") { Description = "restricted | standard | privileged", Required = true };
        var tools = new Option<string[]>("--tool") { Description = "A tool the agent may call: a connection (`zendesk`) or one tool (`zendesk/create_ticket`); repeatable" };
        var pools = new Option<string[]>("--pool") { Description = "A model pool the agent may use; repeatable" };
        var integrations = new Option<string[]>("--integration") { Description = "An integration the agent uses; repeatable" };
        var actAs = new Option<string?>("--require-actas") { Description = "none | oidc: whether the agent must act as a verified end user" };
        var parents = new Option<string[]>("--allowed-parent") { Description = "An agent allowed to call this one on behalf of its caller; repeatable" };
        var command = new Command(verb, description) { name, Workspace, owner, tier, tools, pools, integrations, actAs, parents };
        CommandAction.Set(command, context, async (parse, ct) =>
        {
            var body = new JsonObject
            {
                ["name"] = parse.GetValue(name),
                ["workspace"] = parse.GetValue(Workspace),
                ["owner"] = parse.GetValue(owner) ?? Environment.UserName,
                ["tier"] = parse.GetValue(tier),
                ["tools"] = Array(parse.GetValue(tools)),
                ["modelPools"] = Array(parse.GetValue(pools)),
                ["integrations"] = Array(parse.GetValue(integrations)),
                ["requireActAs"] = parse.GetValue(actAs),
                ["allowedParents"] = Array(parse.GetValue(parents)),
            };
            using var client = ApiConnection.Admin(parse, context);
            var result = await client.PostAsync("v1/admin/agents", body, ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            var agent = result["agent"]!.AsObject();
            context.Out.WriteLine($"registered agent {AgentPrinter.Text(agent, "name")} in workspace {AgentPrinter.Text(agent, "workspace")} (status: {AgentPrinter.Text(agent, "status")})");
            context.Out.WriteLine($"API key (shown once; store it now): {result["apiKey"]}");
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var owner = new Option<string?>("--owner") { Description = "Only agents of this owner" };
        var command = new Command("list", "List agents.") { Workspace, owner };
        CommandAction.Set(command, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var result = await client.GetAsync("v1/admin/agents" + Query(("workspace", parse.GetValue(Workspace)), ("owner", parse.GetValue(owner))), ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
            }
            else
            {
                AgentPrinter.List(context.Out, result.AsArray());
            }
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The agent's name" };
        var command = new Command("show", "Show an agent with its history.") { name, Workspace };
        CommandAction.Set(command, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var result = await client.GetAsync(AgentPath(parse.GetValue(name)!, null, parse.GetValue(Workspace)), ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
            }
            else
            {
                AgentPrinter.Show(context.Out, result.AsObject());
            }
        });
        return command;
    }

    private static Command Transition(string verb, string description, CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The agent's name" };
        var command = new Command(verb, description) { name, Workspace };
        CommandAction.Set(command, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var result = await client.PostAsync(AgentPath(parse.GetValue(name)!, verb, parse.GetValue(Workspace)), null, ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            context.Out.WriteLine($"agent {AgentPrinter.Text(result.AsObject(), "name")} is now {AgentPrinter.Text(result.AsObject(), "status")}");
        });
        return command;
    }

    private static Command RotateKey(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The agent's name" };
        var command = new Command("rotate-key", "Issue a new API key for an agent; the old key stops working at once.") { name, Workspace };
        CommandAction.Set(command, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var result = await client.PostAsync(AgentPath(parse.GetValue(name)!, "rotate-key", parse.GetValue(Workspace)), null, ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            context.Out.WriteLine($"new API key for agent {AgentPrinter.Text(result["agent"]!.AsObject(), "name")}; the old key no longer works");
            context.Out.WriteLine($"API key (shown once; store it now): {result["apiKey"]}");
        });
        return command;
    }

    private static string AgentPath(string name, string? action, string? workspace) =>
        $"v1/admin/agents/{Uri.EscapeDataString(name)}{(action is null ? string.Empty : "/" + action)}{Query(("workspace", workspace))}";

    internal static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToArray();
        return present.Length == 0 ? string.Empty : "?" + string.Join("&", present);
    }

    private static JsonArray Array(string[]? values) => new((values ?? []).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
