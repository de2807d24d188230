namespace Dome.Core.Catalog;

/// <summary>One operation of a connection (<c>zendesk/create_ticket</c>): how to call it and what arguments it takes.</summary>
/// <remarks>
/// The call's arguments are a JSON object validated against <see cref="InputSchema"/>. Arguments named in
/// <see cref="Parameters"/> go to the path, query or headers; when <see cref="BodyProperty"/> is set, that argument
/// is the JSON body; otherwise the remaining arguments form the JSON body for methods that carry one (POST, PUT,
/// PATCH) and the query string for the others. <see cref="UpstreamRequest"/> applies these rules.
/// </remarks>
public sealed record Tool
{
    public required string TenantId { get; init; }

    public required string Connection { get; init; }

    /// <summary>The operation name, unique in its connection (<c>create_ticket</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The HTTP method, uppercase.</summary>
    public required string Method { get; init; }

    /// <summary>The path below the connection's base URL, starting with <c>/</c>, with <c>{name}</c> templates.</summary>
    public required string Path { get; init; }

    public required string Description { get; init; }

    /// <summary>The JSON schema of the arguments object, as JSON text (validated by <c>Dome.Core.Catalog.Schema.JsonSchema</c>).</summary>
    public required string InputSchema { get; init; }

    public required IReadOnlyList<ToolParameter> Parameters { get; init; }

    /// <summary>The argument that is the whole JSON body (<c>body</c> for imported operations whose body is not an object), or null.</summary>
    public required string? BodyProperty { get; init; }

    /// <summary>Output governance rules for this tool, as a JSON document output governance defines (null: the connection's).</summary>
    public required string? OutputRules { get; init; }

    /// <summary>When true the audit event records the arguments (redacted by the output rules); otherwise never.</summary>
    public required bool AuditArguments { get; init; }

    /// <summary>Free labels for policies (<c>resource.tags.contains("pii")</c>).</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>A risk label for policies (<c>low</c>, <c>medium</c>, <c>high</c>); null when unrated.</summary>
    public required string? Risk { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary><c>connection/name</c>.</summary>
    public string FullName => Connection + "/" + Name;
}
