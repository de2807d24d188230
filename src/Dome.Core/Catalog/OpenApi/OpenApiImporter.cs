using System.Text.Json.Nodes;
using Dome.Core.Catalog.Schema;
using Dome.Core.Errors;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Dome.Core.Catalog.OpenApi;

/// <summary>
/// Reads an OpenAPI 3.0 or 3.1 document (JSON, or YAML converted by <see cref="YamlToJson"/>) and makes one tool per operation. The input schema is an object
/// whose properties are the operation's parameters (path, query, header) and its JSON request body: an object body
/// whose properties do not collide with a parameter is merged into the top level, any other body is the
/// <c>body</c> argument. Cookie parameters and an <c>Authorization</c> header parameter are left out (Dome injects
/// the credential); operations without a JSON body where one is required are skipped, with the reason.
/// </summary>
public static class OpenApiImporter
{
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    /// <summary>The tools of the document (only the <paramref name="include"/>d operations, by operation id or tool name, when given).</summary>
    public static IReadOnlyList<Tool> Import(string tenantId, string connection, string document, IReadOnlyList<string>? include, DateTimeOffset now) =>
        Read(tenantId, connection, document, include, now).Tools;

    /// <summary>The tools and the skipped operations.</summary>
    public static (IReadOnlyList<Tool> Tools, IReadOnlyList<SkippedOperation> Skipped) Read(string tenantId, string connection, string document, IReadOnlyList<string>? include, DateTimeOffset now)
    {
        var parsed = Parse(document);
        var wanted = include is { Count: > 0 } ? new HashSet<string>(include, StringComparer.Ordinal) : null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var tools = new List<Tool>();
        var skipped = new List<SkippedOperation>();
        foreach (var (path, item) in parsed.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var methodName = method.Method.ToUpperInvariant();
                var toolName = OperationNames.ToolName(operation.OperationId, methodName, path);
                if (wanted is not null && !wanted.Contains(toolName) && (operation.OperationId is null || !wanted.Contains(operation.OperationId)))
                {
                    continue;
                }

                seen.Add(toolName);
                if (operation.OperationId is not null)
                {
                    seen.Add(operation.OperationId);
                }

                var label = operation.OperationId ?? $"{methodName} {path}";
                if (tools.Any(t => t.Name == toolName))
                {
                    skipped.Add(new SkippedOperation { Operation = label, Reason = $"another operation already maps to the tool name `{toolName}`" });
                    continue;
                }

                try
                {
                    tools.Add(OperationTool.Build(tenantId, connection, toolName, methodName, path, item, operation, now));
                }
                catch (DomeException e)
                {
                    skipped.Add(new SkippedOperation { Operation = label, Reason = e.Message });
                }
            }
        }

        if (wanted is not null && wanted.FirstOrDefault(w => !seen.Contains(w)) is { } missing)
        {
            throw DomeException.Invalid($"the document has no operation `{missing}` (match an operationId or the tool name it becomes)");
        }

        if (tools.Count == 0)
        {
            throw DomeException.Invalid(skipped.Count == 0
                ? "the document has no operations to import"
                : $"no operation could be imported; first problem: {skipped[0].Operation}: {skipped[0].Reason}");
        }

        return (tools, skipped);
    }

    private static OpenApiDocument Parse(string document)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            throw DomeException.Invalid("the OpenAPI document is empty");
        }

        if (document.Length > MaxDocumentBytes)
        {
            throw new DomeException(DomeErrorCode.PayloadTooLarge, $"the OpenAPI document is larger than {MaxDocumentBytes} bytes");
        }

        if (document.TrimStart()[0] != '{')
        {
            // YAML (JSON is read as JSON): converted with the YAML 1.2 core schema, then read like any JSON document.
            document = YamlToJson.Convert(document, MaxDocumentBytes);
        }

        ReadResult result;
        try
        {
            result = OpenApiDocument.Parse(document, OpenApiConstants.Json, new OpenApiReaderSettings());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw DomeException.Invalid("the OpenAPI document cannot be read: " + e.GetType().Name);
        }

        var version = result.Diagnostic?.SpecificationVersion;
        var isSwagger = document.Contains("\"swagger\"", StringComparison.Ordinal);
        if (!isSwagger && (result.Document is null || result.Diagnostic?.Errors is { Count: > 0 }))
        {
            var errors = result.Diagnostic?.Errors?.Take(3).Select(e => $"{e.Pointer}: {e.Message}").ToArray() ?? [];
            throw DomeException.Invalid(errors.Length == 0 ? "the OpenAPI document cannot be read" : "the OpenAPI document cannot be read: " + string.Join("; ", errors));
        }

        if (isSwagger || version is not (OpenApiSpecVersion.OpenApi3_0 or OpenApiSpecVersion.OpenApi3_1))
        {
            throw DomeException.Invalid($"only OpenAPI 3.0 and 3.1 documents can be imported, not `{(isSwagger ? "swagger 2.0" : version)}`");
        }

        return result.Document ?? throw DomeException.Invalid("the OpenAPI document cannot be read");
    }
}
