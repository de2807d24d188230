using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dome.Testing;

namespace Dome.Functions.Tests.Identity;

/// <summary>Helpers for identity tests: register active agents, exchange tokens, read JWT payloads.</summary>
internal static class Tokens
{
    public const string Grant = "urn:ietf:params:oauth:grant-type:token-exchange";
    public const string ApiKeyType = "urn:dome:params:oauth:token-type:api-key";
    public const string IdTokenType = "urn:ietf:params:oauth:token-type:id_token";
    public const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    /// <summary>Registers and activates an agent; returns its API key.</summary>
    public static async Task<string> ActiveAgentAsync(DomeTestServer server, string name, string requireActAs = "none", params string[] allowedParents)
    {
        using var admin = server.Client(server.AdminKey);
        var (status, body) = await Api.PostAsync(admin, "/v1/admin/agents", new
        {
            name,
            owner = "owner@example.com",
            tier = "standard",
            tools = new[] { "zendesk" },
            requireActAs,
            allowedParents,
        });
        Assert.Equal(201, status);
        Assert.Equal(200, (await Api.PostAsync(admin, $"/v1/admin/agents/{name}/activate")).Status);
        return Api.Str(body, "apiKey");
    }

    public static async Task TrustAsync(DomeTestServer server, TestIdentityProvider idp, string name = "corp")
    {
        using var admin = server.Client(server.AdminKey);
        var (status, body) = await Api.PostAsync(admin, "/v1/admin/identity-providers", new { name, issuer = idp.Issuer, jwksUri = idp.JwksUri, audience = TestIdentityProvider.ClientId });
        Assert.True(status == 201, body?.ToJsonString());
    }

    public static Dictionary<string, string> AgentAlone(string apiKey) => new()
    {
        ["grant_type"] = Grant,
        ["subject_token"] = apiKey,
        ["subject_token_type"] = ApiKeyType,
    };

    public static Dictionary<string, string> ActAs(string idToken, string apiKey) => new()
    {
        ["grant_type"] = Grant,
        ["subject_token"] = idToken,
        ["subject_token_type"] = IdTokenType,
        ["actor_token"] = apiKey,
        ["actor_token_type"] = ApiKeyType,
    };

    public static Dictionary<string, string> OnBehalfOf(string callerToken, string apiKey) => new()
    {
        ["grant_type"] = Grant,
        ["subject_token"] = callerToken,
        ["subject_token_type"] = AccessTokenType,
        ["actor_token"] = apiKey,
        ["actor_token_type"] = ApiKeyType,
    };

    public static async Task<(int Status, JsonNode? Body)> ExchangeAsync(DomeTestServer server, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var client = server.Client();
        using var response = await client.PostAsync("/oauth2/token", new FormUrlEncodedContent(form), Api.Ct);
        var text = await response.Content.ReadAsStringAsync(Api.Ct);
        if (response.IsSuccessStatusCode || (int)response.StatusCode == 400)
        {
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        }

        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Exchanges and returns the access token, failing the test if the exchange is refused.</summary>
    public static async Task<string> TokenAsync(DomeTestServer server, IEnumerable<KeyValuePair<string, string>> form)
    {
        var (status, body) = await ExchangeAsync(server, form);
        Assert.True(status == 200, body?.ToJsonString());
        return Api.Str(body, "access_token");
    }

    public static async Task<(int Status, JsonNode? Body, string? Challenge)> WhoAmIAsync(DomeTestServer server, string token)
    {
        using var client = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, Api.Ct);
        var text = await response.Content.ReadAsStringAsync(Api.Ct);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers.WwwAuthenticate.ToString());
    }

    public static JsonObject Part(string jwt, int index) =>
        JsonNode.Parse(Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(jwt.Split('.')[index])))!.AsObject();

    public static JsonObject Payload(string jwt) => Part(jwt, 1);

    public static JsonObject Header(string jwt) => Part(jwt, 0);

    public static string B64(string json) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(json);

    public static string B64(JsonNode node) => B64(node.ToJsonString(new JsonSerializerOptions()));
}
