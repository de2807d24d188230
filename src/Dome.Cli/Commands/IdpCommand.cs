using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dome.Cli.Client;
using Dome.Cli.Output;

namespace Dome.Cli.Commands;

/// <summary><c>dome idp …</c>: the OIDC issuers the tenant trusts to prove end users for act-as.</summary>
internal static class IdpCommand
{
    public static Command Create(CliContext context)
    {
        var idp = new Command("idp", "Trust OIDC identity providers for act-as.");
        idp.Subcommands.Add(Add(context));

        var list = new Command("list", "List the trusted identity providers.");
        CommandAction.Set(list, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            var result = await client.GetAsync("v1/admin/identity-providers", ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            TablePrinter.Print(context.Out, ["NAME", "ISSUER", "KEYS", "AUDIENCE"],
                result.AsArray().OfType<JsonObject>().Select(p => (IReadOnlyList<string>)
                    [AgentPrinter.Text(p, "name"), AgentPrinter.Text(p, "issuer"), p["inlineJwks"]?.GetValue<bool>() == true ? "(inline)" : AgentPrinter.Text(p, "jwksUri"), AgentPrinter.Text(p, "audience")]).ToArray());
        });
        idp.Subcommands.Add(list);

        var name = new Argument<string>("NAME") { Description = "The identity provider's name" };
        var remove = new Command("remove", "Stop trusting an identity provider.") { name };
        CommandAction.Set(remove, context, async (parse, ct) =>
        {
            using var client = ApiConnection.Admin(parse, context);
            await client.DeleteAsync($"v1/admin/identity-providers/{Uri.EscapeDataString(parse.GetValue(name)!)}", ct).ConfigureAwait(false);
            context.Out.WriteLine($"removed identity provider {parse.GetValue(name)}");
        });
        idp.Subcommands.Add(remove);
        return idp;
    }

    private static Command Add(CliContext context)
    {
        var name = new Option<string>("--name") { Description = "A name for the provider (e.g. `corp`)", Required = true };
        var issuer = new Option<string>("--issuer") { Description = "The exact `iss` of its ID tokens", Required = true };
        var jwksUri = new Option<string?>("--jwks-uri") { Description = "Where it publishes its signing keys (https)" };
        var jwksFile = new Option<string?>("--jwks-file") { Description = "A file holding its JWK Set, instead of --jwks-uri" };
        var audience = new Option<string>("--audience") { Description = "The `aud` its ID tokens carry for Dome (the client id)", Required = true };
        var customerClaim = new Option<string?>("--customer-claim") { Description = "The ID-token claim naming the user's customer (default `customer`)" };
        var add = new Command("add", "Trust an identity provider.") { name, issuer, jwksUri, jwksFile, audience, customerClaim };
        CommandAction.Set(add, context, async (parse, ct) =>
        {
            if ((parse.GetValue(jwksUri) is null) == (parse.GetValue(jwksFile) is null))
            {
                throw new CliException("give exactly one of --jwks-uri and --jwks-file", ExitCodes.Usage);
            }

            var body = new JsonObject
            {
                ["name"] = parse.GetValue(name),
                ["issuer"] = parse.GetValue(issuer),
                ["jwksUri"] = parse.GetValue(jwksUri),
                ["jwks"] = parse.GetValue(jwksFile) is { } file ? ReadJwks(file, context) : null,
                ["audience"] = parse.GetValue(audience),
                ["customerClaim"] = parse.GetValue(customerClaim),
            };
            using var client = ApiConnection.Admin(parse, context);
            var result = await client.PostAsync("v1/admin/identity-providers", body, ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, result);
                return;
            }

            context.Out.WriteLine($"trusting identity provider {result["name"]} ({result["issuer"]})");
        });
        return add;
    }

    private static JsonNode ReadJwks(string file, CliContext context)
    {
        var path = Path.GetFullPath(file, context.CurrentDirectory);
        if (!File.Exists(path))
        {
            throw new CliException($"`{file}` is not a file that exists", ExitCodes.Usage);
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) ?? throw new CliException($"`{file}` holds `null`, not a JWK Set", ExitCodes.Usage);
        }
        catch (JsonException e)
        {
            throw new CliException($"`{file}` is not JSON: {e.Message}", ExitCodes.Usage);
        }
    }
}
