using System.CommandLine;
using System.Text.Json;
using Dome.Cedar;
using Dome.Cedar.Conformance;
using Dome.Cedar.Evaluation;
using Dome.Cedar.Schema;

namespace Dome.Cli.Cedar;

/// <summary>
/// `dome cedar authorize`: one request (exit 0 allow, 2 deny, 1 failure) or a batch from `--requests`
/// (prints a JSON array of answers in request order, exit 0).
/// </summary>
internal static class AuthorizeCommand
{
    public static Command Create()
    {
        var policies = new Option<FileInfo>("--policies") { Description = "Cedar policy file.", Required = true };
        var entities = new Option<FileInfo>("--entities") { Description = "Entities JSON file.", Required = true };
        var schema = new Option<FileInfo?>("--schema") { Description = "Cedar schema file, used to read entities and context." };
        var format = new Option<string>("--policy-format") { Description = "Policy file format.", DefaultValueFactory = _ => "cedar" };
        format.AcceptOnlyFromAmong("cedar", "json");
        var principal = new Option<string?>("--principal") { Description = "Principal uid, e.g. User::\"alice\"." };
        var action = new Option<string?>("--action") { Description = "Action uid, e.g. Action::\"view\"." };
        var resource = new Option<string?>("--resource") { Description = "Resource uid, e.g. Photo::\"p1\"." };
        var context = new Option<FileInfo?>("--context") { Description = "Context JSON file (an object)." };
        var requests = new Option<FileInfo?>("--requests") { Description = "JSON array of {principal, action, resource, context} to decide in one run." };

        var command = new Command("authorize", "Decide requests against Cedar policies and entities.")
        {
            policies, entities, schema, format, principal, action, resource, context, requests,
        };
        command.SetAction(parse => CedarCli.Run(parse, (output, error) =>
        {
            var policySet = LoadPolicies(parse.GetValue(policies)!, parse.GetValue(format) ?? "cedar");
            var cedarSchema = LoadSchema(parse.GetValue(schema));
            string entitiesJson = CedarCli.ReadFile(parse.GetValue(entities)!, "entities");
            var store = cedarSchema is null ? EntityStore.FromJson(entitiesJson) : SchemaEntities.ParseEntities(entitiesJson, cedarSchema);
            var batch = parse.GetValue(requests);
            if (batch is not null)
            {
                return Batch(batch, policySet, store, cedarSchema, output);
            }

            var actionUid = CedarCli.ParseUid(parse.GetValue(action), "--action");
            var contextFile = parse.GetValue(context);
            var contextValue = contextFile is null ? null : ReadContext(CedarCli.ReadFile(contextFile, "context"), cedarSchema, actionUid);
            var request = new Request(CedarCli.ParseUid(parse.GetValue(principal), "--principal"), actionUid, CedarCli.ParseUid(parse.GetValue(resource), "--resource"), contextValue);
            var response = Authorizer.IsAuthorized(request, policySet, store);
            output.WriteLine("decision: " + (response.IsAllowed ? "allow" : "deny"));
            output.WriteLine("reasons: " + (response.Reasons.Count == 0 ? "(none)" : string.Join(", ", response.Reasons)));
            foreach (var e in response.Errors)
            {
                output.WriteLine($"error: {e.PolicyId}: {e.Message}");
            }

            return response.IsAllowed ? CedarCli.ExitAllow : CedarCli.ExitDeny;
        }));
        return command;
    }

    internal static PolicySet LoadPolicies(FileInfo file, string format)
    {
        string text = CedarCli.ReadFile(file, "policies");
        if (format == "json")
        {
            return JsonPolicies.Parse(text);
        }

        return PolicySet.Parse(text);
    }

    internal static CedarSchema? LoadSchema(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        string text = CedarCli.ReadFile(file, "schema");
        try
        {
            bool json = file.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
            return CedarSchema.Parse(text, json);
        }
        catch (CedarSchemaException e)
        {
            throw new CliFailure($"invalid schema `{file.Name}`: {e.Message}");
        }
    }

    private static RecordValue ReadContext(string json, CedarSchema? schema, EntityUid action) =>
        schema is null ? Request.ParseContext(json) : SchemaEntities.ParseContext(json, schema, action);

    private static int Batch(FileInfo file, PolicySet policySet, EntityStore store, CedarSchema? schema, TextWriter output)
    {
        using var document = JsonDocument.Parse(CedarCli.ReadFile(file, "requests"));
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new CliFailure("the requests file must hold a JSON array of {principal, action, resource, context}");
        }

        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            int index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                IntegrationRequest r;
                try
                {
                    r = IntegrationTest.ReadRequest(item);
                }
                catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
                {
                    throw new CliFailure($"request #{index} needs `principal`, `action` and `resource` entity uids");
                }

                var request = new Request(r.Principal, r.Action, r.Resource, ReadContext(r.ContextJson, schema, r.Action));
                var response = Authorizer.IsAuthorized(request, policySet, store);
                json.WriteStartObject();
                json.WriteString("decision", response.IsAllowed ? "allow" : "deny");
                json.WriteStartArray("reasons");
                foreach (var id in response.Reasons)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
                json.WriteStartArray("errors");
                foreach (var e in response.Errors)
                {
                    json.WriteStringValue(e.PolicyId);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                index++;
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return CedarCli.ExitAllow;
    }
}
