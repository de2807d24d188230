using Dome.Core.Catalog;

namespace Dome.Core.Storage;

/// <summary>Tool connections and tools, per tenant. Every method is scoped to one tenant.</summary>
public interface ICatalogStore
{
    /// <summary>Stores a new connection; false if the tenant already has one of that name.</summary>
    Task<bool> CreateConnectionAsync(Connection connection, CancellationToken cancellationToken);

    /// <summary>Replaces an existing connection (same tenant and name); false if there is none.</summary>
    Task<bool> ReplaceConnectionAsync(Connection connection, CancellationToken cancellationToken);

    Task<Connection?> FindConnectionAsync(string tenantId, string name, CancellationToken cancellationToken);

    /// <summary>The tenant's connections ordered by name.</summary>
    Task<IReadOnlyList<Connection>> ListConnectionsAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Deletes a connection and all its tools in one change; false if there is none.</summary>
    Task<bool> DeleteConnectionAsync(string tenantId, string name, CancellationToken cancellationToken);

    /// <summary>Stores a new tool; false if the connection already has a tool of that name or does not exist.</summary>
    Task<bool> CreateToolAsync(Tool tool, CancellationToken cancellationToken);

    /// <summary>
    /// Creates or replaces tools of one existing connection in one change (an import); null if the connection does
    /// not exist. Every tool must belong to <paramref name="tenantId"/> and <paramref name="connection"/>.
    /// </summary>
    Task<ToolImportResult?> PutToolsAsync(string tenantId, string connection, IReadOnlyList<Tool> tools, CancellationToken cancellationToken);

    Task<Tool?> FindToolAsync(string tenantId, string connection, string name, CancellationToken cancellationToken);

    /// <summary>The tool with its connection, or null if either is missing (the gateway's lookup).</summary>
    Task<CatalogEntry?> FindEntryAsync(string tenantId, string connection, string name, CancellationToken cancellationToken);

    /// <summary>The tenant's tools (of one connection when given), ordered by connection then name.</summary>
    Task<IReadOnlyList<Tool>> ListToolsAsync(string tenantId, string? connection, CancellationToken cancellationToken);

    Task<bool> DeleteToolAsync(string tenantId, string connection, string name, CancellationToken cancellationToken);
}
