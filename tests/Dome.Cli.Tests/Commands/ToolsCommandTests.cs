using System.Text.Json.Nodes;
using Dome.Core.Secrets;
using Dome.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Dome.Cli.Tests.Commands;

public sealed class ToolsCommandTests : CliTestBase
{
    private const string OpenApi = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Zendesk", "version": "1" },
          "paths": {
            "/api/v2/tickets": {
              "post": { "operationId": "createTicket", "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": { "subject": { "type": "string" } } } } } }, "responses": { "201": { "description": "ok" } } },
              "get": { "operationId": "listTickets", "responses": { "200": { "description": "ok" } } }
            },
            "/api/v2/users/{id}": {
              "delete": { "operationId": "deleteUser", "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } } ], "responses": { "204": { "description": "ok" } } }
            }
          }
        }
        """;

    [Fact]
    public async Task AddConnection_ImportOpenApi_ListShowRemove()
    {
        await File.WriteAllTextAsync(Path.Combine(WorkDir, "zendesk.json"), OpenApi, TestContext.Current.CancellationToken);

        var added = await RunAsync("tools add-connection zendesk --base-url https://example.zendesk.com --auth header:X-Api-Key --secret zd-key");
        var imported = await RunAsync("tools import-openapi zendesk --spec zendesk.json --include createTicket listTickets");
        var list = await RunAsync("tools list --output json");
        var show = await RunAsync("tools show zendesk/create_ticket");
        var connection = await RunAsync("tools show zendesk");
        var removed = await RunAsync("tools remove zendesk/list_tickets");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("added connection zendesk (header)", added.Output, StringComparison.Ordinal);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("imported 2 new and 0 updated tools", imported.Output, StringComparison.Ordinal);
        Assert.Equal(["zendesk/create_ticket", "zendesk/list_tickets"], JsonNode.Parse(list.Output)!.AsArray().Select(t => t!["tool"]!.GetValue<string>()));
        Assert.Equal("subject", JsonNode.Parse(show.Output)!["inputSchema"]!["properties"]!.AsObject().Single().Key);
        Assert.Equal(("header", "X-Api-Key", "zd-key"), (JsonNode.Parse(connection.Output)!["auth"]!["kind"]!.GetValue<string>(), JsonNode.Parse(connection.Output)!["auth"]!["header"]!.GetValue<string>(), JsonNode.Parse(connection.Output)!["auth"]!["secret"]!.GetValue<string>()));
        Assert.Equal(0, removed.ExitCode);
        Assert.Equal(["zendesk/create_ticket"], JsonNode.Parse((await RunAsync("tools list --output json")).Output)!.AsArray().Select(t => t!["tool"]!.GetValue<string>()));
        Assert.Equal(0, (await RunAsync("tools remove zendesk")).ExitCode);
        Assert.Empty(JsonNode.Parse((await RunAsync("tools list --output json")).Output)!.AsArray());
    }

    [Fact]
    public async Task ImportOpenApi_YamlSpec_ImportsAndMalformedYamlNamesTheLine()
    {
        await File.WriteAllTextAsync(Path.Combine(WorkDir, "zendesk.yaml"), """
            openapi: 3.0.3
            info: { title: Zendesk, version: 1.0 }
            paths:
              /api/v2/tickets:
                get:
                  operationId: listTickets
                  parameters:
                    - { name: status, in: query, schema: { type: string, enum: [open, on, off] } }
                  responses: { 200: { description: ok } }
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(WorkDir, "broken.yaml"), "openapi: 3.0.3\npaths:\n  /x: [\n", TestContext.Current.CancellationToken);
        await RunAsync("tools add-connection zendesk --base-url https://example.zendesk.com --auth none");

        var imported = await RunAsync("tools import-openapi zendesk --spec zendesk.yaml");
        var show = await RunAsync("tools show zendesk/list_tickets");
        var broken = await RunAsync("tools import-openapi zendesk --spec broken.yaml");

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("imported 1 new and 0 updated tools", imported.Output, StringComparison.Ordinal);
        Assert.Equal(["open", "on", "off"], JsonNode.Parse(show.Output)!["inputSchema"]!["properties"]!["status"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("the YAML document is not valid at line 4, column 1", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithInputSchemaFile_AndOAuthConnection()
    {
        await File.WriteAllTextAsync(Path.Combine(WorkDir, "schema.json"), """{"type":"object","properties":{"subject":{"type":"string","maxLength":5}},"required":["subject"]}""", TestContext.Current.CancellationToken);
        await RunAsync("tools add-connection zendesk --base-url https://example.zendesk.com --auth oauth2-client-credentials --secret zd-client --token-url https://login.example.com/token --scope tickets");

        var added = await RunArgsAsync("tools", "add", "zendesk/create_ticket", "--method", "POST", "--path", "/api/v2/tickets", "--input-schema", "schema.json", "--description", "Create a ticket");
        var table = await RunAsync("tools list");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("added tool zendesk/create_ticket (POST /api/v2/tickets)", added.Output, StringComparison.Ordinal);
        Assert.Contains("oauth2-client-credentials", table.Output, StringComparison.Ordinal);
        Assert.Contains("Create a ticket", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_ExitsOneWithTheProblem_AndMissingFileIsClear()
    {
        var badUrl = await RunAsync("tools add-connection zendesk --base-url not-a-url");
        var missingFile = await RunAsync("tools import-openapi zendesk --spec nope.json");
        var missingConnection = await RunAsync("tools add zendesk/x --method GET --path /x");

        Assert.Equal(1, badUrl.ExitCode);
        Assert.Contains("absolute http or https URL", badUrl.Error, StringComparison.Ordinal);
        Assert.Equal(1, missingFile.ExitCode);
        Assert.Contains("cannot read `nope.json`", missingFile.Error, StringComparison.Ordinal);
        Assert.Equal(1, missingConnection.ExitCode);
        Assert.Contains("no connection `zendesk`", missingConnection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecretsSet_ReadsStdin_NeverPrintsTheValue_AndStoresIt()
    {
        const string value = "zd-secret-from-stdin-42";
        Stdin = value + "\n";

        var set = await RunAsync("secrets set zd-key");
        Stdin = null;
        var list = await RunAsync("secrets list --output json");

        Assert.Equal(0, set.ExitCode);
        Assert.Equal("set secret zd-key", set.Output.Trim());
        Assert.DoesNotContain(value, set.Output + set.Error + list.Output, StringComparison.Ordinal);
        Assert.Equal("zd-key", JsonNode.Parse(list.Output)!.AsArray().Single()!["name"]!.GetValue<string>());
        var tenant = (await Server.Services.GetRequiredService<ITenantStore>().FindTenantByNameAsync("default", TestContext.Current.CancellationToken))!;
        Assert.Equal(value, (await Server.Services.GetRequiredService<ISecretStore>().GetAsync(tenant.Id, "zd-key", TestContext.Current.CancellationToken))!.Reveal());
    }

    [Fact]
    public async Task SecretsSet_ValueAsFlag_IsAUsageError_EmptyStdinFails()
    {
        var flag = await RunAsync("secrets set zd-key --value hunter2");
        Stdin = string.Empty;
        var empty = await RunAsync("secrets set zd-key");

        Assert.Equal(2, flag.ExitCode);
        Assert.DoesNotContain("hunter2", flag.Output, StringComparison.Ordinal);
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("secret value is empty", empty.Error, StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse((await RunAsync("secrets list --output json")).Output)!.AsArray());
    }
}
