using System.Text.Json;
using Dome.Core.Catalog;
using Dome.Core.Catalog.OpenApi;
using Dome.Core.Catalog.Schema;
using Dome.Core.Errors;

namespace Dome.Core.Tests.Catalog.OpenApi;

public sealed class OpenApiImporterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Versions => new() { "3.0.3", "3.1.0" };

    private static string Document(string version) => $$"""
        {
          "openapi": "{{version}}",
          "info": { "title": "Zendesk", "version": "1" },
          "paths": {
            "/api/v2/tickets": {
              "post": {
                "operationId": "createTicket",
                "summary": "Create a ticket",
                "tags": ["Tickets"],
                "parameters": [ { "name": "X-Request-Id", "in": "header", "schema": { "type": "string" } } ],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NewTicket" } } } },
                "responses": { "201": { "description": "created" } }
              },
              "get": {
                "operationId": "listTickets",
                "parameters": [
                  { "name": "page", "in": "query", "schema": { "type": "integer", "minimum": 1 } },
                  { "name": "session", "in": "cookie", "schema": { "type": "string" } },
                  { "name": "Authorization", "in": "header", "schema": { "type": "string" } }
                ],
                "responses": { "200": { "description": "ok" } }
              }
            },
            "/api/v2/tickets/{ticket_id}": {
              "parameters": [ { "name": "ticket_id", "in": "path", "required": true, "schema": { "type": "integer" } } ],
              "put": {
                "operationId": "updateTicket",
                "requestBody": { "content": { "application/json": { "schema": { "type": "array", "items": { "type": "string" } } } } },
                "responses": { "200": { "description": "ok" } }
              },
              "delete": { "responses": { "204": { "description": "gone" } } }
            },
            "/upload": {
              "post": {
                "operationId": "upload",
                "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object" } } } },
                "responses": { "200": { "description": "ok" } }
              }
            }
          },
          "components": {
            "schemas": {
              "NewTicket": {
                "type": "object",
                "required": ["subject", "amount"],
                "properties": {
                  "id": { "type": "integer", "readOnly": true },
                  "subject": { "type": "string", "maxLength": 100 },
                  "amount": { "type": "number", "minimum": 0 },
                  "priority": { "type": "string", "enum": ["low", "high"] },
                  "requester": { "$ref": "#/components/schemas/Person" }
                },
                "additionalProperties": false
              },
              "Person": { "type": "object", "properties": { "email": { "type": "string" } }, "required": ["email"] }
            }
          }
        }
        """;

    private static IReadOnlyList<SchemaViolation> Check(Tool tool, string arguments)
    {
        using var document = JsonDocument.Parse(arguments);
        return JsonSchema.Parse(tool.InputSchema).Validate(document.RootElement);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Import_OneToolPerOperation_NamedFromOperationId(string version)
    {
        var (tools, skipped) = OpenApiImporter.Read("tnt_a", "zendesk", Document(version), null, Now);

        Assert.Equal(["create_ticket", "list_tickets", "update_ticket", "delete_api_v2_tickets_ticket_id"], tools.Select(t => t.Name));
        Assert.Equal("upload", Assert.Single(skipped).Operation);
        Assert.All(tools, t => Assert.Equal(("tnt_a", "zendesk", Now), (t.TenantId, t.Connection, t.CreatedAt)));
        Assert.Equal(("POST", "/api/v2/tickets", "Create a ticket"), (tools[0].Method, tools[0].Path, tools[0].Description));
        Assert.Equal(["tickets"], tools[0].Tags);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Import_ObjectBody_IsMergedIntoTopLevel_WithRefsInlined(string version)
    {
        var create = OpenApiImporter.Import("tnt_a", "zendesk", Document(version), ["createTicket"], Now).Single();

        Assert.Null(create.BodyProperty);
        Assert.Equal([new ToolParameter { Name = "X-Request-Id", In = ParameterLocation.Header }], create.Parameters);
        Assert.Empty(Check(create, """{"subject":"Printer","amount":5,"requester":{"email":"a@b.c"},"X-Request-Id":"r1"}"""));
        Assert.Contains(Check(create, """{"subject":"Printer"}"""), v => v.Message.Contains("`amount`", StringComparison.Ordinal));
        Assert.Contains(Check(create, """{"subject":"Printer","amount":-1}"""), v => v.Path == "$.amount");
        Assert.Contains(Check(create, """{"subject":"P","amount":1,"requester":{}}"""), v => v.Path == "$.requester");
        Assert.Contains(Check(create, """{"subject":"P","amount":1,"priority":"urgent"}"""), v => v.Path == "$.priority");
        Assert.DoesNotContain("\"id\"", create.InputSchema, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Import_Parameters_BecomeBoundProperties_CookieAndAuthorizationLeftOut(string version)
    {
        var tools = OpenApiImporter.Import("tnt_a", "zendesk", Document(version), ["list_tickets", "updateTicket"], Now);
        var list = tools.Single(t => t.Name == "list_tickets");
        var update = tools.Single(t => t.Name == "update_ticket");

        Assert.Equal([new ToolParameter { Name = "page", In = ParameterLocation.Query }], list.Parameters);
        Assert.Single(Check(list, """{"page":0}"""));
        Assert.DoesNotContain("session", list.InputSchema, StringComparison.Ordinal);
        Assert.DoesNotContain("Authorization", list.InputSchema, StringComparison.Ordinal);

        Assert.Equal([new ToolParameter { Name = "ticket_id", In = ParameterLocation.Path }], update.Parameters);
        Assert.Equal("body", update.BodyProperty);
        Assert.Empty(Check(update, """{"ticket_id":7,"body":["a"]}"""));
        Assert.Contains(Check(update, """{"body":["a"]}"""), v => v.Message.Contains("`ticket_id`", StringComparison.Ordinal));
        Assert.Contains(Check(update, """{"ticket_id":"x"}"""), v => v.Path == "$.ticket_id");
    }

    [Fact]
    public void Import_IncludeUnknownOperation_FailsNamingIt()
    {
        var failure = Assert.Throws<DomeException>(() => OpenApiImporter.Import("tnt_a", "zendesk", Document("3.1.0"), ["createTicket", "nope"], Now));

        Assert.Equal(DomeErrorCode.InvalidRequest, failure.Code);
        Assert.Contains("`nope`", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths: {}", "no operations")]
    [InlineData("openapi: 3.0.0\npaths: [unclosed", "not valid at line 3, column 1")]
    [InlineData("""{"swagger":"2.0","info":{"title":"x","version":"1"},"paths":{}}""", "3.0 and 3.1")]
    [InlineData("""{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{}}""", "no operations")]
    [InlineData("""{"openapi":"3.1.0", """, "cannot be read")]
    public void Import_BadDocument_IsInvalidRequest(string document, string problem)
    {
        var failure = Assert.Throws<DomeException>(() => OpenApiImporter.Import("tnt_a", "zendesk", document, null, Now));

        Assert.Equal(DomeErrorCode.InvalidRequest, failure.Code);
        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_OpenApi30_NullableAndExclusiveBounds_AreEnforced()
    {
        const string document = """
            {
              "openapi": "3.0.3",
              "info": { "title": "x", "version": "1" },
              "paths": { "/pay": { "post": {
                "operationId": "pay",
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                  "type": "object", "required": ["amount"],
                  "properties": {
                    "amount": { "type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 100 },
                    "memo": { "type": "string", "nullable": true, "maxLength": 3 } } } } } },
                "responses": { "200": { "description": "ok" } } } } }
            }
            """;

        var pay = OpenApiImporter.Import("tnt_a", "payments", document, null, Now).Single();

        Assert.Empty(Check(pay, """{"amount":0.5,"memo":null}"""));
        Assert.Empty(Check(pay, """{"amount":100,"memo":"abc"}"""));
        Assert.Contains(Check(pay, """{"amount":0}"""), v => v.Path == "$.amount");
        Assert.Contains(Check(pay, """{"amount":100.5}"""), v => v.Path == "$.amount");
        Assert.Contains(Check(pay, """{"amount":1,"memo":"abcd"}"""), v => v.Path == "$.memo");
        Assert.Contains(Check(pay, """{"amount":1,"memo":5}"""), v => v.Path == "$.memo");
    }

    [Theory]
    [InlineData("createTicket", "create_ticket")]
    [InlineData("getHTTPResponse", "get_http_response")]
    [InlineData("tickets.list", "tickets.list")]
    [InlineData("List Users!", "list_users")]
    public void ToolName_FromOperationId_IsAValidName(string operationId, string expected)
    {
        Assert.Equal(expected, OperationNames.ToolName(operationId, "GET", "/x"));
    }
}
