using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dome.Functions.Tests;

/// <summary>Small helpers for calling Dome's API in tests.</summary>
internal static class Api
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(int Status, JsonNode? Body)> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public static Task<(int Status, JsonNode? Body)> PostAsync(HttpClient client, string path, object? body = null) => SendAsync(client, HttpMethod.Post, path, body);

    public static Task<(int Status, JsonNode? Body)> GetAsync(HttpClient client, string path) => SendAsync(client, HttpMethod.Get, path);

    public static object Registration(string name, string tier = "standard") => new
    {
        name,
        owner = "owner@example.com",
        tier,
        tools = new[] { "zendesk" },
        modelPools = new[] { "premium-reasoning" },
        requireActAs = "oidc",
    };

    /// <summary>Polls until <paramref name="condition"/> holds, failing after 10 s with <paramref name="what"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(20, Ct);
        }
    }

    public static string Str(JsonNode? node, string name) => node?[name]?.GetValue<string>() ?? throw new InvalidOperationException($"`{name}` missing in {node?.ToJsonString()}");

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
