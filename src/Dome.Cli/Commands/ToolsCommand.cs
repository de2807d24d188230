using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dome.Cli.Client;
using Dome.Cli.Output;

namespace Dome.Cli.Commands;

/// <summary><c>dome tools …</c>: the tenant's tool catalog (connections and tools).</summary>
internal static class ToolsCommand
{
    public static Command Create(CliContext context)
    {
        var tools = new Command("tools", "Manage tool connections and tools.");
        tools.Subcommands.Add(AddConnection(context));
        tools.Subcommands.Add(Add(context));
        tools.Subcommands.Add(ImportOpenApi(context));
        tools.Subcommands.Add(List(context));
        tools.Subcommands.Add(Show(context));
        tools.Subcommands.Add(Remove(context));
        return tools;
    }

    private static Command AddConnection(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The connection name, the first part of its tools' names (`zendesk`)" };
        var baseUrl = new Option<string>("--base-url") { Description = "The upstream's base URL", Required = true };
        var auth = new Option<string>("--auth") { Description = "none | bearer | header:NAME | basic | oauth2-client-credentials", DefaultValueFactory = _ => "none" };
        var secret = new Option<string?>("--secret") { Description = "The name of the secret holding the credential (set it with `dome secrets set NAME`)" };
        var tokenUrl = new Option<string?>("--token-url") { Description = "oauth2-client-credentials: the token endpoint" };
        var scope = new Option<string?>("--scope") { Description = "oauth2-client-credentials: the scope to ask for" };
        var rules = new Option<string?>("--output-rules") { Description = "A JSON file with output governance rules for the connection" };
        var command = new Command("add-connection", "Add a tool connection.") { name, baseUrl, auth, secret, tokenUrl, scope, rules };
        CommandAction.Set(command, context, async (parse, ct) =>
        {
            var kind = parse.GetValue(auth)!;
            string? header = null;
            if (kind.StartsWith("header:", StringComparison.Ordinal))
            {
                header = kind["header:".Length..];
                kind = "header";
            }

            var body = new JsonObject
            {
                ["name"] = parse.GetValue(name),
                ["baseUrl"] = parse.GetValue(baseUrl),
                ["auth"] = new JsonObject { ["kind"] = kind, ["secret"] = parse.GetValue(secret), ["header"] = header, ["tokenUrl"] = parse.GetValue(tokenUrl), ["scope"] = parse.GetValue(scope) },
            };
            if (parse.GetValue(rules) is { } file)
            {
                body["outputRules"] = ReadJson(context, file, "--output-rules");
            }

            using var client = ApiConnection.Admin(parse, context);
            var created = await client.PostAsync("v1/admin/connections", Compact(body), ct).ConfigureAwait(false);
            Print(context, parse, created, $"added connection {created["name"]} ({created["auth"]?["kind"]}) at {created["baseUrl"]}");
        });
        return command;
    }

    private static Command Add(CliContext context)
    {
        var tool = new Argument<string>("CONNECTION/TOOL") { Description = "The tool's full name (`zendesk/create_ticket`)" };
        var method = new Option<string>("--method") { Description = "The HTTP method", Required = true };
        var path = new Option<string>("--path") { Description = "The path below the connection's base URL; `{name}` templates take arguments", Required = true };
        var schema = new Option<string?>("--input-schema") { Description = "A JSON file with the JSON schema of the arguments (default: any object)" };
        var description = new Option<string?>("--description") { Description = "What the tool does, for agents and people" };
        var audit = new Option<bool>("--audit-arguments") { Description = "Record the call's arguments (redacted by the output rules) in the audit event" };
        var command = new Command("add", "Add one tool by hand.") { tool, method, path, schema, description, audit };
        CommandAction.Set(command, context, async (parse, ct) =>
        {
            var body = new JsonObject
            {
                ["tool"] = parse.GetValue(tool),
                ["method"] = parse.GetValue(method),
                ["path"] = parse.GetValue(path),
                ["description"] = parse.GetValue(description),
                ["inputSchema"] = parse.GetValue(schema) is { } file ? ReadJson(context, file, "--input-schema") : null,
                ["auditArguments"] = parse.GetValue(audit),
            };
            using var client = ApiConnection.Admin(parse, context);
            var created = await client.PostAsync("v1/admin/tools", Compact(body), ct).ConfigureAwait(false);
            Print(context, parse, created, $"added tool {created["tool"]} ({created["method"]} {created["path"]})");
        });
        return command;
    }

    private static Command ImportOpenApi(CliContext context)
    {
        var connection = new Argument<string>("CONNECTION") { Description = "The connection the operations become tools of" };
        var spec = new Option<string>("--spec") { Description = "The OpenAPI 3.0 or 3.1 document (JSON or YAML)", Required = true };
        var include = new Option<string[]>("--include") { Description = "Import only these operations (operationId or tool name)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("import-openapi", "Import an OpenAPI document: one tool per operation.") { connection, spec, include };
        CommandAction.Set(command, context, async (parse, ct) =>
        {
            var text = ReadFile(context, parse.GetValue(spec)!, "--spec");
            var query = string.Concat((parse.GetValue(include) ?? []).Select((op, i) => (i == 0 ? "?" : "&") + "include=" + Uri.EscapeDataString(op)));
            using var client = ApiConnection.Admin(parse, context);
            var mediaType = text.TrimStart().StartsWith('{') ? "application/json" : "application/yaml";
            var result = await client.PostTextAsync($"v1/admin/connections/{Uri.EscapeDataString(parse.GetValue(connection)!)}/import-openapi{query}", text, mediaType, ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            context.Out.WriteLine($"imported {result["created"]} new and {result["updated"]} updated tools");
            foreach (var imported in result["tools"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                context.Out.WriteLine($"  {imported["tool"]}  {imported["method"]} {imported["path"]}");
            }

            foreach (var skipped in result["skipped"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                context.Out.WriteLine($"  skipped {skipped["operation"]}: {skipped["reason"]}");
            }
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var connection = new Option<string?>("--connection") { Description = "Only the tools of this connection" };
        var command = new Command("list", "List connections and their tools.") { connection };
        CommandAction.Set(command, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var filter = parse.GetValue(connection);
            var tools = await client.GetAsync("v1/admin/tools" + (filter is null ? string.Empty : "?connection=" + Uri.EscapeDataString(filter)), ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, tools);
                return;
            }

            var connections = await client.GetAsync("v1/admin/connections", ct).ConfigureAwait(false);
            TablePrinter.Print(context.Out, ["CONNECTION", "BASE URL", "AUTH", "SECRET"],
                connections.AsArray().OfType<JsonObject>().Where(c => filter is null || AgentPrinter.Text(c, "name") == filter).Select(c => (IReadOnlyList<string>)
                    [AgentPrinter.Text(c, "name"), AgentPrinter.Text(c, "baseUrl"), c["auth"]?["kind"]?.ToString() ?? string.Empty, c["auth"]?["secret"]?.ToString() ?? "-"]).ToArray());
            context.Out.WriteLine();
            TablePrinter.Print(context.Out, ["TOOL", "METHOD", "PATH", "DESCRIPTION"],
                tools.AsArray().OfType<JsonObject>().Select(t => (IReadOnlyList<string>)
                    [AgentPrinter.Text(t, "tool"), AgentPrinter.Text(t, "method"), AgentPrinter.Text(t, "path"), FirstLine(AgentPrinter.Text(t, "description"))]).ToArray());
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "A connection (`zendesk`) or a tool (`zendesk/create_ticket`)" };
        var command = new Command("show", "Show a connection or a tool.") { name };
        CommandAction.Set(command, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var result = await client.GetAsync(PathOf(parse.GetValue(name)!), ct).ConfigureAwait(false);
            AgentPrinter.Json(context.Out, result);
        });
        return command;
    }

    private static Command Remove(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "A tool (`zendesk/create_ticket`), or a connection (`zendesk`) with all its tools" };
        var command = new Command("remove", "Remove a tool, or a connection with all its tools.") { name };
        CommandAction.Set(command, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var target = parse.GetValue(name)!;
            await client.DeleteAsync(PathOf(target), ct).ConfigureAwait(false);
            context.Out.WriteLine(target.Contains('/', StringComparison.Ordinal) ? $"removed tool {target}" : $"removed connection {target} and its tools");
        });
        return command;
    }

    private static string PathOf(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? "v1/admin/connections/" + Uri.EscapeDataString(name)
            : $"v1/admin/tools/{Uri.EscapeDataString(name[..slash])}/{Uri.EscapeDataString(name[(slash + 1)..])}";
    }

    private static void Print(CliContext context, ParseResult parse, JsonNode result, string text)
    {
        if (CommandAction.Json(parse))
        {
            AgentPrinter.Json(context.Out, result);
            return;
        }

        context.Out.WriteLine(text);
    }

    private static string ReadFile(CliContext context, string file, string option)
    {
        var path = Path.GetFullPath(file, context.CurrentDirectory);
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new CliException($"{option}: cannot read `{file}`: {e.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException($"{option}: cannot read `{file}`: access denied");
        }
    }

    private static JsonNode ReadJson(CliContext context, string file, string option)
    {
        try
        {
            return JsonNode.Parse(ReadFile(context, file, option)) ?? throw new CliException($"{option}: `{file}` holds `null`, not a JSON object");
        }
        catch (JsonException e)
        {
            throw new CliException($"{option}: `{file}` is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Drops null members so the API sees them as absent.</summary>
    private static JsonObject Compact(JsonObject body)
    {
        foreach (var (key, value) in body.ToArray())
        {
            if (value is null)
            {
                body.Remove(key);
            }
            else if (value is JsonObject inner)
            {
                Compact(inner);
            }
        }

        return body;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0];
        return line.Length <= 60 ? line : line[..57] + "...";
    }
}
