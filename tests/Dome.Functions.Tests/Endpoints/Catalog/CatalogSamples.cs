namespace Dome.Functions.Tests.Endpoints.Catalog;

/// <summary>Request bodies the catalog API tests share.</summary>
internal static class CatalogSamples
{
    public static object Connection(string name = "zendesk") => new
    {
        name,
        baseUrl = "https://example.zendesk.com",
        auth = new { kind = "bearer", secret = "zd-token" },
        outputRules = new { redact = new[] { "$.customer.ssn" } },
    };

    public static object Tool(string tool = "zendesk/create_ticket") => new
    {
        tool,
        method = "post",
        path = "/api/v2/tickets",
        description = "Create a ticket",
        inputSchema = new { type = "object", properties = new { subject = new { type = "string" } }, required = new[] { "subject" } },
    };

    public const string OpenApi = """
        {
          "openapi": "3.1.0",
          "info": { "title": "Zendesk", "version": "1" },
          "paths": {
            "/api/v2/tickets": {
              "post": {
                "operationId": "createTicket",
                "requestBody": { "required": true, "content": { "application/json": { "schema": {
                  "type": "object", "required": ["subject"], "properties": { "subject": { "type": "string" }, "amount": { "type": "number" } } } } } },
                "responses": { "201": { "description": "created" } }
              },
              "get": { "operationId": "listTickets", "responses": { "200": { "description": "ok" } } }
            }
          }
        }
        """;
}
