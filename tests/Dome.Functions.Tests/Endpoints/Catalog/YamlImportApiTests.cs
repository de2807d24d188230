using System.Text;
using System.Text.Json.Nodes;

namespace Dome.Functions.Tests.Endpoints.Catalog;

/// <summary><c>POST /v1/admin/connections/{name}/import-openapi</c> with a YAML body, on a real server.</summary>
public sealed class YamlImportApiTests : ServerTestBase
{
    private const string Yaml = """
        openapi: 3.1.0
        info: { title: Zendesk, version: 1.0 }
        paths:
          /api/v2/tickets:
            post:
              operationId: createTicket
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object, properties: { subject: { type: string } }, required: [subject] }
              responses: { '201': { description: created } }
        """;

    [Theory]
    [InlineData("application/yaml")]
    [InlineData("application/json")]
    public async Task ImportOpenApi_YamlBody_CreatesTheTools(string mediaType)
    {
        using var client = Server.Client(Server.AdminKey);
        await Api.PostAsync(client, "/v1/admin/connections", CatalogSamples.Connection());

        var (status, body) = await PostAsync(client, Yaml, mediaType);

        Assert.True(status == 200, body?.ToJsonString());
        Assert.Equal(["zendesk/create_ticket"], body!["tools"]!.AsArray().Select(t => Api.Str(t, "tool")));
        Assert.Equal("subject", (await Api.GetAsync(client, "/v1/admin/tools/zendesk/create_ticket")).Body!["inputSchema"]!["required"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ImportOpenApi_MalformedYaml_Is400WithLineAndColumn_AndNothingStored()
    {
        using var client = Server.Client(Server.AdminKey);
        await Api.PostAsync(client, "/v1/admin/connections", CatalogSamples.Connection());

        var (status, body) = await PostAsync(client, "openapi: 3.1.0\ninfo:\n  title: Zendesk\n   version: 1\n", "application/yaml");

        Assert.Equal(400, status);
        Assert.Equal("invalid_request", Api.Str(body, "code"));
        Assert.Contains("the YAML document is not valid at line 4, column", Api.Str(body, "detail"), StringComparison.Ordinal);
        Assert.Empty((await Api.GetAsync(client, "/v1/admin/tools")).Body!.AsArray());
    }

    private static async Task<(int Status, JsonNode? Body)> PostAsync(HttpClient client, string text, string mediaType)
    {
        using var content = new StringContent(text, Encoding.UTF8, mediaType);
        using var response = await client.PostAsync("/v1/admin/connections/zendesk/import-openapi", content, Api.Ct);
        var answer = await response.Content.ReadAsStringAsync(Api.Ct);
        return ((int)response.StatusCode, answer.Length == 0 ? null : JsonNode.Parse(answer));
    }
}
