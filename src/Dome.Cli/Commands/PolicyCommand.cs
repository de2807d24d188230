using System.CommandLine;
using System.Text.Json.Nodes;
using Dome.Cli.Client;
using Dome.Cli.Output;
using Dome.Gateway.Policy;

namespace Dome.Cli.Commands;

/// <summary>
/// <c>dome policy publish FILE|DIR</c>, <c>dome policy show</c>, <c>dome policy settings</c>. Publishing validates
/// here first with Dome's Cedar validator (exit 3 and every error printed when invalid), then on the server,
/// which activates the version named by its content hash.
/// </summary>
internal static class PolicyCommand
{
    public const int Invalid = 3;
    private const string SchemaFile = "dome.cedarschema";

    public static Command Create(CliContext context)
    {
        var policy = new Command("policy", "Publish and show the tenant's Cedar policy set.");
        policy.Subcommands.Add(Publish(context));
        policy.Subcommands.Add(Show(context));
        policy.Subcommands.Add(Settings(context));
        return policy;
    }

    private static Command Publish(CliContext context)
    {
        var path = new Argument<string>("PATH") { Description = "A .cedar file, or a directory: every .cedar under it (and its dome.cedarschema, if any)" };
        var publish = new Command("publish", "Validate the policies against the schema and make them the live version.") { path };
        CommandAction.Set(publish, context, async (parse, ct) =>
        {
            var (files, schema) = Read(Path.GetFullPath(parse.GetValue(path)!, context.CurrentDirectory));
            try
            {
                PolicyCompiler.Compile(PolicyBundle.WithBuiltIns(files, schema));
            }
            catch (PolicyBundleException e)
            {
                foreach (var error in e.Errors)
                {
                    await context.Error.WriteLineAsync("error: " + error).ConfigureAwait(false);
                }

                throw new CliException($"the policy set is invalid ({e.Errors.Count} error(s)); nothing was published", Invalid);
            }

            var body = new JsonObject { ["files"] = new JsonObject(files.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))) };
            if (schema is not null)
            {
                body["schema"] = schema;
            }

            using var client = ApiConnection.Admin(parse, context);
            JsonNode result;
            try
            {
                result = await client.PostAsync("v1/admin/policy", body, ct).ConfigureAwait(false);
            }
            catch (CliException e) when (e.Message.Contains("the policy set is invalid", StringComparison.Ordinal))
            {
                throw new CliException(e.Message, Invalid);
            }

            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            context.Out.WriteLine($"published {result["version"]} ({result["policies"]!.AsArray().Count} policies in {result["files"]!.AsObject().Count} files); it is live");
        });
        return publish;
    }

    private static Command Show(CliContext context)
    {
        var file = new Option<string?>("--file") { Description = "Print the text of this file of the live set" };
        var show = new Command("show", "Show the live policy set: version, policies, annotations and history.") { file };
        CommandAction.Set(show, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var result = (JsonObject)await client.GetAsync("v1/admin/policy", ct).ConfigureAwait(false);
            if (parse.GetValue(file) is { } name)
            {
                var text = result["files"]?[name]?.GetValue<string>() ?? throw new CliException($"the live set has no file `{name}`");
                context.Out.Write(text);
                return;
            }

            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            context.Out.WriteLine($"version: {result["version"]}{(result["published"]!.GetValue<bool>() ? string.Empty : " (tier bundles only: nothing published yet)")}");
            TablePrinter.Print(context.Out, ["ID", "EFFECT", "FILE", "ANNOTATIONS"],
                result["policies"]!.AsArray().OfType<JsonObject>().Select(p => (IReadOnlyList<string>)
                    [AgentPrinter.Text(p, "id"), AgentPrinter.Text(p, "effect"), AgentPrinter.Text(p, "file"), Annotations(p)]).ToArray());
        });
        return show;
    }

    private static Command Settings(CliContext context)
    {
        var judge = new Option<string?>("--judge-url") { Description = "The judge webhook that decides escalations (`none` removes it)" };
        var timeout = new Option<int?>("--judge-timeout-ms") { Description = "How long the judge may take before the call is denied (default 2000)" };
        var lifetime = new Option<int?>("--approval-lifetime-seconds") { Description = "How long an approval request stays valid (default 900)" };
        var settings = new Command("settings", "Show, or with options change, the escalation settings.") { judge, timeout, lifetime };
        CommandAction.Set(settings, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var current = (JsonObject)await client.GetAsync("v1/admin/policy/settings", ct).ConfigureAwait(false);
            if (parse.GetValue(judge) is not null || parse.GetValue(timeout) is not null || parse.GetValue(lifetime) is not null)
            {
                var next = (JsonObject)current.DeepClone();
                if (parse.GetValue(judge) is { } url)
                {
                    next["judgeUrl"] = url == "none" ? null : url;
                }

                if (parse.GetValue(timeout) is { } ms)
                {
                    next["judgeTimeoutMs"] = ms;
                }

                if (parse.GetValue(lifetime) is { } seconds)
                {
                    next["approvalLifetimeSeconds"] = seconds;
                }

                current = (JsonObject)await client.PostAsync("v1/admin/policy/settings", next, ct).ConfigureAwait(false);
            }

            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, current);
                return;
            }

            context.Out.WriteLine($"judge: {AgentPrinter.Text(current, "judgeUrl")}");
            context.Out.WriteLine($"judge timeout ms: {(current["judgeTimeoutMs"] is null ? "2000 (default)" : AgentPrinter.Text(current, "judgeTimeoutMs"))}");
            context.Out.WriteLine($"approval lifetime s: {(current["approvalLifetimeSeconds"] is null ? "900 (default)" : AgentPrinter.Text(current, "approvalLifetimeSeconds"))}");
        });
        return settings;
    }

    /// <summary>The .cedar files under <paramref name="path"/> by relative name (`/`-separated), and its schema if it has one.</summary>
    internal static (Dictionary<string, string> Files, string? Schema) Read(string path)
    {
        if (File.Exists(path))
        {
            return (new Dictionary<string, string>(StringComparer.Ordinal) { [Path.GetFileName(path)] = File.ReadAllText(path) }, null);
        }

        if (!Directory.Exists(path))
        {
            throw new CliException($"`{path}` is neither a file nor a directory");
        }

        var files = Directory.EnumerateFiles(path, "*.cedar", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(path, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        if (files.Count == 0)
        {
            throw new CliException($"`{path}` holds no .cedar file");
        }

        var schema = Path.Combine(path, SchemaFile);
        return (files, File.Exists(schema) ? File.ReadAllText(schema) : null);
    }

    private static string Annotations(JsonObject policy)
    {
        var parts = new List<string>();
        if (policy["escalate"] is { } escalate)
        {
            parts.Add($"@escalate(\"{escalate.GetValue<string>()}\")");
        }

        if (policy["redact"] is JsonArray redact)
        {
            parts.Add($"@redact(\"{string.Join(' ', redact.Select(r => r!.GetValue<string>()))}\")");
        }

        return parts.Count == 0 ? "-" : string.Join(' ', parts);
    }
}
