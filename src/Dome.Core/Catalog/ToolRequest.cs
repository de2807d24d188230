using System.Text.Json;

namespace Dome.Core.Catalog;

/// <summary>The body of <c>POST /v1/admin/tools</c>: one tool added by hand.</summary>
public sealed record ToolRequest
{
    /// <summary><c>connection/name</c>, for example <c>zendesk/create_ticket</c>.</summary>
    public required string Tool { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public string? Description { get; init; }

    /// <summary>The JSON schema of the arguments (an object schema); absent: any object.</summary>
    public JsonElement? InputSchema { get; init; }

    /// <summary>Arguments bound to the query or headers; <c>{name}</c> path templates are bound automatically.</summary>
    public IReadOnlyList<ToolParameterRequest>? Parameters { get; init; }

    public JsonElement? OutputRules { get; init; }

    public bool? AuditArguments { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public string? Risk { get; init; }
}
