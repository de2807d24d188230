using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dome.Cli.Output;

namespace Dome.Cli.Commands;

/// <summary>
/// <c>dome token exchange</c>: trades an agent's API key (alone, with a user's ID token for act-as, or with a
/// caller's Dome token for on-behalf-of) for a short-lived Dome access token at <c>/oauth2/token</c>.
/// Prints the token alone (for <c>$(…)</c>), or with <c>--output json</c> the whole RFC 8693 response.
/// </summary>
internal static class TokenCommand
{
    private const string Grant = "urn:ietf:params:oauth:grant-type:token-exchange";
    private const string ApiKeyType = "urn:dome:params:oauth:token-type:api-key";

    public static Command Create(CliContext context)
    {
        var token = new Command("token", "Get Dome access tokens.");
        var apiKey = new Option<string?>("--api-key") { Description = "The agent's API key, or a file holding it (env DOME_API_KEY)" };
        var idToken = new Option<string?>("--act-as-id-token") { Description = "A file holding the end user's OIDC ID token: act as that user" };
        var onBehalfOf = new Option<string?>("--on-behalf-of") { Description = "The calling agent's Dome access token, or a file holding it: act on its behalf" };
        var resource = new Option<string?>("--resource") { Description = "The Dome resource the token is for (default: Dome's gateway)" };
        var exchange = new Command("exchange", "Exchange an API key for a short-lived Dome access token (RFC 8693).") { apiKey, idToken, onBehalfOf, resource };
        CommandAction.Set(exchange, context, async (parse, ct) =>
        {
            var key = Read(parse.GetValue(apiKey) ?? context.Environment("DOME_API_KEY"), context, "dome_ak_")
                ?? throw new CliException("no API key: pass --api-key (a key or a file holding one) or set DOME_API_KEY", ExitCodes.Usage);
            var userToken = parse.GetValue(idToken);
            var callerToken = parse.GetValue(onBehalfOf);
            if (userToken is not null && callerToken is not null)
            {
                throw new CliException("give --act-as-id-token or --on-behalf-of, not both: a caller's token already carries its user", ExitCodes.Usage);
            }

            var form = new Dictionary<string, string> { ["grant_type"] = Grant };
            if (userToken is null && callerToken is null)
            {
                form["subject_token"] = key;
                form["subject_token_type"] = ApiKeyType;
            }
            else
            {
                form["subject_token"] = userToken is not null ? ReadFile(userToken, context) : Read(callerToken, context, "ey")!;
                form["subject_token_type"] = userToken is not null ? "urn:ietf:params:oauth:token-type:id_token" : "urn:ietf:params:oauth:token-type:access_token";
                form["actor_token"] = key;
                form["actor_token_type"] = ApiKeyType;
            }

            if (parse.GetValue(resource) is { } target)
            {
                form["resource"] = target;
            }

            var response = await PostAsync(BaseAddress(parse, context), form, context, ct).ConfigureAwait(false);
            if (CommandAction.Json(parse))
            {
                AgentPrinter.Json(context.Out, response);
                return;
            }

            context.Out.WriteLine(response["access_token"]?.GetValue<string>());
            await context.Error.WriteLineAsync($"expires in {response["expires_in"]} s").ConfigureAwait(false);
        });
        token.Subcommands.Add(exchange);
        return token;
    }

    private static async Task<JsonNode> PostAsync(Uri baseAddress, Dictionary<string, string> form, CliContext context, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(context.HandlerFactory?.Invoke() ?? new SocketsHttpHandler()) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(100) };
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync("oauth2/token", new FormUrlEncodedContent(form), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach Dome at {baseAddress}: {e.Message} (is `dome serve` running? set --url or DOME_URL)");
        }

        using (response)
        {
            JsonNode? body;
            try
            {
                body = await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                body = null;
            }

            if (response.IsSuccessStatusCode && body is not null)
            {
                return body;
            }

            var error = body?["error"]?.GetValue<string>() ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new CliException($"{body?["error_description"]?.GetValue<string>() ?? "the token exchange was refused"} ({error})");
        }
    }

    private static Uri BaseAddress(ParseResult parse, CliContext context)
    {
        var url = parse.GetValue(GlobalOptions.Url) ?? context.Environment("DOME_URL") ?? GlobalOptions.DefaultUrl;
        return Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
            ? address
            : throw new CliException($"`{url}` is not an http(s) URL; set --url or DOME_URL", ExitCodes.Usage);
    }

    /// <summary>A value given inline (recognised by its prefix) or as a file holding it.</summary>
    private static string? Read(string? given, CliContext context, string prefix) =>
        given is null ? null : given.StartsWith(prefix, StringComparison.Ordinal) ? given.Trim() : ReadFile(given, context);

    private static string ReadFile(string given, CliContext context)
    {
        var path = Path.GetFullPath(given, context.CurrentDirectory);
        return File.Exists(path)
            ? File.ReadAllText(path).Trim()
            : throw new CliException($"`{given}` is not a file that exists", ExitCodes.Usage);
    }
}
