using System.Text;
using Dome.Core.Catalog;
using Dome.Core.Catalog.OpenApi;
using Dome.Core.Errors;
using Dome.Functions.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dome.Functions.Endpoints;

/// <summary><c>/v1/admin/connections</c> and <c>/v1/admin/tools</c>: the tool catalog of the caller's tenant.</summary>
internal static class AdminCatalogApi
{
    public static RouteGroupBuilder MapAdminCatalogApi(this RouteGroupBuilder admin)
    {
        var connections = admin.MapGroup("/connections").WithTags("Catalog");
        connections.MapPost("/", AddConnectionAsync).Accepts<ConnectionRequest>("application/json").WithName("AddConnection")
            .WithSummary("Add a tool connection: base URL, auth kind and the name of the secret holding the credential.");
        connections.MapGet("/", ListConnectionsAsync).WithName("ListConnections").WithSummary("List the tenant's connections.");
        connections.MapGet("/{name}", ShowConnectionAsync).WithName("ShowConnection").WithSummary("One connection.");
        connections.MapPut("/{name}", ReplaceConnectionAsync).Accepts<ConnectionRequest>("application/json").WithName("ReplaceConnection")
            .WithSummary("Replace a connection's base URL, auth and output rules; its tools stay.");
        connections.MapDelete("/{name}", RemoveConnectionAsync).WithName("RemoveConnection").WithSummary("Remove a connection and all its tools.");
        connections.MapPost("/{name}/import-openapi", ImportOpenApiAsync).Accepts<string>("application/json", "application/yaml", "application/x-yaml", "text/yaml").WithName("ImportOpenApi")
            .WithSummary("Import an OpenAPI 3.0/3.1 document, JSON or YAML (the request body): one tool per operation; `?include=operationId` to pick.");

        var tools = admin.MapGroup("/tools").WithTags("Catalog");
        tools.MapPost("/", AddToolAsync).Accepts<ToolRequest>("application/json").WithName("AddTool").WithSummary("Add one tool by hand.");
        tools.MapGet("/", ListToolsAsync).WithName("ListTools").WithSummary("List tools, optionally of one connection.");
        tools.MapGet("/{connection}/{name}", ShowToolAsync).WithName("ShowTool").WithSummary("One tool with its input schema.");
        tools.MapDelete("/{connection}/{name}", RemoveToolAsync).WithName("RemoveTool").WithSummary("Remove one tool.");
        return admin;
    }

    private static async Task<Created<ConnectionView>> AddConnectionAsync(HttpContext http, CatalogAdministration catalog, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<ConnectionRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        var connection = await catalog.AddConnectionAsync(http.TenantId(), request, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/v1/admin/connections/{connection.Name}", ConnectionView.Of(connection));
    }

    private static async Task<Ok<ConnectionView[]>> ListConnectionsAsync(HttpContext http, CatalogAdministration catalog, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalog.ListConnectionsAsync(http.TenantId(), cancellationToken).ConfigureAwait(false)).Select(ConnectionView.Of).ToArray());

    private static async Task<Ok<ConnectionView>> ShowConnectionAsync(HttpContext http, CatalogAdministration catalog, string name, CancellationToken cancellationToken) =>
        TypedResults.Ok(ConnectionView.Of(await catalog.GetConnectionAsync(http.TenantId(), name, cancellationToken).ConfigureAwait(false)));

    private static async Task<Ok<ConnectionView>> ReplaceConnectionAsync(HttpContext http, CatalogAdministration catalog, string name, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<ConnectionRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ConnectionView.Of(await catalog.ReplaceConnectionAsync(http.TenantId(), name, request, cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<NoContent> RemoveConnectionAsync(HttpContext http, CatalogAdministration catalog, string name, CancellationToken cancellationToken)
    {
        await catalog.RemoveConnectionAsync(http.TenantId(), name, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ImportView>> ImportOpenApiAsync(HttpContext http, CatalogAdministration catalog, string name, [FromQuery] string[]? include, CancellationToken cancellationToken)
    {
        var document = await ReadTextAsync(http.Request, OpenApiImporter.MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
        var import = await catalog.ImportOpenApiAsync(http.TenantId(), name, document, include, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ImportView
        {
            Created = import.Created,
            Updated = import.Updated,
            Tools = import.Tools.Select(ToolView.Of).ToArray(),
            Skipped = import.Skipped,
        });
    }

    private static async Task<Created<ToolView>> AddToolAsync(HttpContext http, CatalogAdministration catalog, CancellationToken cancellationToken)
    {
        var request = await JsonBody.ReadAsync<ToolRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        var tool = await catalog.AddToolAsync(http.TenantId(), request, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/v1/admin/tools/{tool.FullName}", ToolView.Of(tool));
    }

    private static async Task<Ok<ToolView[]>> ListToolsAsync(HttpContext http, CatalogAdministration catalog, string? connection, CancellationToken cancellationToken) =>
        TypedResults.Ok((await catalog.ListToolsAsync(http.TenantId(), connection, cancellationToken).ConfigureAwait(false)).Select(ToolView.Of).ToArray());

    private static async Task<Ok<ToolView>> ShowToolAsync(HttpContext http, CatalogAdministration catalog, string connection, string name, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToolView.Of(await catalog.GetToolAsync(http.TenantId(), connection, name, cancellationToken).ConfigureAwait(false)));

    private static async Task<NoContent> RemoveToolAsync(HttpContext http, CatalogAdministration catalog, string connection, string name, CancellationToken cancellationToken)
    {
        await catalog.RemoveToolAsync(http.TenantId(), connection, name, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<string> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            throw new DomeException(DomeErrorCode.PayloadTooLarge, $"the document is larger than {maxBytes} bytes");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new DomeException(DomeErrorCode.PayloadTooLarge, $"the document is larger than {maxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw DomeException.Invalid("the document is not UTF-8 text");
        }
    }
}
