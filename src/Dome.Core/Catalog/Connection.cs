namespace Dome.Core.Catalog;

/// <summary>A tool connection of a tenant (for example <c>zendesk</c>): where its tools live and how Dome authenticates there.</summary>
public sealed record Connection
{
    public required string TenantId { get; init; }

    /// <summary>The connection name: the first part of every tool name (<c>zendesk</c> in <c>zendesk/create_ticket</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The upstream's absolute http(s) base URL; a tool's path is appended to it.</summary>
    public required Uri BaseUrl { get; init; }

    public required ConnectionAuth Auth { get; init; }

    /// <summary>
    /// Output governance rules for every tool of the connection, as a JSON document whose shape output governance
    /// defines; the catalog stores it verbatim (null: none).
    /// </summary>
    public required string? OutputRules { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
