using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dome.Testing;

namespace Dome.Cli.Tests.Commands;

/// <summary>`dome token`, `dome idp` and `dome keys` against a real server on loopback.</summary>
public sealed class IdentityCommandsTests : IAsyncLifetime
{
    private readonly TempDirectory directory = new();
    private DomeTestServer server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => server = await DomeTestServer.StartAsync(directory.Path);

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        directory.Dispose();
    }

    [Fact]
    public async Task TokenExchange_ApiKey_PrintsATokenWhoAmIAccepts()
    {
        var apiKey = await ActiveAgentAsync("triage");

        var (code, output, _) = await RunAsync("token", "exchange", "--api-key", apiKey);

        Assert.Equal(0, code);
        using var client = server.Client(output.Trim());
        var whoami = await client.GetFromJsonAsync<JsonObject>("/v1/whoami", Ct);
        Assert.Equal("triage", whoami!["agent"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task TokenExchange_Json_PrintsTheRfc8693Response()
    {
        var apiKey = await ActiveAgentAsync("triage");
        var keyFile = Path.Combine(directory.Path, "triage.key");
        await File.WriteAllTextAsync(keyFile, apiKey + "\n", Ct);

        var (code, output, _) = await RunAsync("token", "exchange", "--api-key", keyFile, "--output", "json");

        Assert.Equal(0, code);
        var response = JsonNode.Parse(output)!;
        Assert.Equal(("Bearer", 300), (response["token_type"]!.GetValue<string>(), response["expires_in"]!.GetValue<int>()));
    }

    [Fact]
    public async Task TokenExchange_Refused_PrintsTheOAuthErrorAndExits1()
    {
        var (code, _, error) = await RunAsync("token", "exchange", "--api-key", "dome_ak_0123456789abcdef_" + new string('A', 43));

        Assert.Equal(1, code);
        Assert.Contains("(invalid_grant)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdpAddListRemove_WithJwksFile_RoundTrips()
    {
        var jwksFile = Path.Combine(directory.Path, "jwks.json");
        await File.WriteAllTextAsync(jwksFile, """{"keys":[{"kty":"EC","crv":"P-256","kid":"k1","use":"sig","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}""", Ct);

        var (added, _, addError) = await RunAsync("idp", "add", "--name", "corp", "--issuer", "https://idp.example.com", "--jwks-file", jwksFile, "--audience", "app");
        var (_, listed, _) = await RunAsync("idp", "list", "--output", "json");
        var (removed, _, _) = await RunAsync("idp", "remove", "corp");
        var (_, after, _) = await RunAsync("idp", "list", "--output", "json");

        Assert.True(added == 0, addError);
        Assert.Equal("corp", JsonNode.Parse(listed)![0]!["name"]!.GetValue<string>());
        Assert.Equal(0, removed);
        Assert.Empty(JsonNode.Parse(after)!.AsArray());
    }

    [Fact]
    public async Task IdpAdd_BothJwksOptions_IsAUsageError()
    {
        var (code, _, error) = await RunAsync("idp", "add", "--name", "corp", "--issuer", "https://idp.example.com", "--jwks-uri", "https://idp.example.com/k", "--jwks-file", "x.json", "--audience", "app");

        Assert.Equal(2, code);
        Assert.Contains("exactly one", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysRotate_PublishesTwoKeys()
    {
        var (code, output, _) = await RunAsync("keys", "rotate", "--output", "json");

        Assert.Equal(0, code);
        Assert.Equal(2, JsonNode.Parse(output)!.AsArray().Count);
    }

    private async Task<string> ActiveAgentAsync(string name)
    {
        using var admin = server.Client(server.AdminKey);
        using var registered = await admin.PostAsJsonAsync("/v1/admin/agents", new { name, owner = "o@example.com", tier = "standard" }, Ct);
        var apiKey = (await registered.Content.ReadFromJsonAsync<JsonObject>(Ct))!["apiKey"]!.GetValue<string>();
        using var activated = await admin.PostAsync($"/v1/admin/agents/{name}/activate", null, Ct);
        activated.EnsureSuccessStatusCode();
        return apiKey;
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            Environment = name => name switch
            {
                "DOME_URL" => server.BaseAddress.AbsoluteUri,
                "DOME_ADMIN_KEY" => server.AdminKey,
                "DOME_OPERATOR_KEY" => server.OperatorKey,
                _ => null,
            },
            CurrentDirectory = directory.Path,
        };
        var code = await DomeCli.RunAsync(args, context, Ct);
        return (code, output.ToString(), error.ToString());
    }
}
