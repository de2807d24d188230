using Dome.Core.Catalog.OpenApi;
using Dome.Core.Errors;
using Dome.Core.Secrets;
using Dome.Core.Storage;

namespace Dome.Core.Catalog;

/// <summary>
/// Admin operations on a tenant's connections, tools and secrets: validates input (invalid input changes nothing),
/// stores it, and evicts the gateway's cached view. Every operation is scoped to the caller's tenant.
/// </summary>
public sealed class CatalogAdministration(ICatalogStore store, ISecretStore secrets, ToolCatalog catalog, TimeProvider time)
{
    public async Task<Connection> AddConnectionAsync(string tenantId, ConnectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var connection = Build(tenantId, CatalogValidator.Name(request.Name, "the connection name"), request, now, now);
        if (!await store.CreateConnectionAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            throw DomeException.Conflict($"the connection `{connection.Name}` already exists; replace it with PUT /v1/admin/connections/{connection.Name}");
        }

        catalog.Evict(tenantId);
        return connection;
    }

    public async Task<Connection> ReplaceConnectionAsync(string tenantId, string name, ConnectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Name is not null && request.Name != name)
        {
            throw DomeException.Invalid($"the body names the connection `{request.Name}` but the URL names `{name}`; a connection cannot be renamed");
        }

        var existing = await GetConnectionAsync(tenantId, name, cancellationToken).ConfigureAwait(false);
        var connection = Build(tenantId, name, request, existing.CreatedAt, time.GetUtcNow());
        if (!await store.ReplaceConnectionAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            throw NoConnection(name);
        }

        catalog.Evict(tenantId);
        return connection;
    }

    public async Task<Connection> GetConnectionAsync(string tenantId, string name, CancellationToken cancellationToken = default) =>
        await store.FindConnectionAsync(tenantId, name, cancellationToken).ConfigureAwait(false) ?? throw NoConnection(name);

    public Task<IReadOnlyList<Connection>> ListConnectionsAsync(string tenantId, CancellationToken cancellationToken = default) =>
        store.ListConnectionsAsync(tenantId, cancellationToken);

    public async Task RemoveConnectionAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        if (!await store.DeleteConnectionAsync(tenantId, name, cancellationToken).ConfigureAwait(false))
        {
            throw NoConnection(name);
        }

        catalog.Evict(tenantId);
    }

    public async Task<Tool> AddToolAsync(string tenantId, ToolRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ToolName.TryParse(request.Tool, out var name, out var problem))
        {
            throw DomeException.Invalid(problem);
        }

        var tool = ToolFactory.FromRequest(tenantId, name, request, time.GetUtcNow());
        await GetConnectionAsync(tenantId, name.Connection, cancellationToken).ConfigureAwait(false);
        if (!await store.CreateToolAsync(tool, cancellationToken).ConfigureAwait(false))
        {
            throw DomeException.Conflict($"the tool `{name}` already exists; remove it first or import over it");
        }

        catalog.Evict(tenantId);
        return tool;
    }

    /// <summary>Imports an OpenAPI 3.0 or 3.1 document into a connection: one tool per operation (only <paramref name="include"/>d ones when given).</summary>
    public async Task<OpenApiImport> ImportOpenApiAsync(string tenantId, string connection, string document, IReadOnlyList<string>? include, CancellationToken cancellationToken = default)
    {
        await GetConnectionAsync(tenantId, connection, cancellationToken).ConfigureAwait(false);
        var (tools, skipped) = OpenApiImporter.Read(tenantId, connection, document, include, time.GetUtcNow());
        var result = await store.PutToolsAsync(tenantId, connection, tools, cancellationToken).ConfigureAwait(false) ?? throw NoConnection(connection);
        catalog.Evict(tenantId);
        return new OpenApiImport { Tools = tools, Created = result.Created, Updated = result.Updated, Skipped = skipped };
    }

    public async Task<Tool> GetToolAsync(string tenantId, string connection, string name, CancellationToken cancellationToken = default) =>
        await store.FindToolAsync(tenantId, connection, name, cancellationToken).ConfigureAwait(false) ?? throw NoTool(connection, name);

    public Task<IReadOnlyList<Tool>> ListToolsAsync(string tenantId, string? connection, CancellationToken cancellationToken = default) =>
        store.ListToolsAsync(tenantId, connection, cancellationToken);

    public async Task RemoveToolAsync(string tenantId, string connection, string name, CancellationToken cancellationToken = default)
    {
        if (!await store.DeleteToolAsync(tenantId, connection, name, cancellationToken).ConfigureAwait(false))
        {
            throw NoTool(connection, name);
        }

        catalog.Evict(tenantId);
    }

    /// <summary>Creates or replaces a secret; the answer says which, and never holds the value.</summary>
    public async Task<(SecretInfo Info, bool Created)> SetSecretAsync(string tenantId, string name, string? value, CancellationToken cancellationToken = default)
    {
        CatalogValidator.Name(name, "the secret name");
        if (string.IsNullOrEmpty(value))
        {
            throw DomeException.Invalid("the secret value is empty; send `{\"value\": \"...\"}`");
        }

        if (value.Length > MaxSecretLength)
        {
            throw DomeException.Invalid($"the secret value is longer than {MaxSecretLength} characters");
        }

        var now = time.GetUtcNow();
        bool created;
        try
        {
            created = await secrets.SetAsync(tenantId, name, new SecretValue(value), now, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretStoreException e)
        {
            throw new DomeException(DomeErrorCode.Unavailable, e.Message);
        }

        var info = (await secrets.ListAsync(tenantId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Name == name)
            ?? new SecretInfo { TenantId = tenantId, Name = name, CreatedAt = now, UpdatedAt = now };
        return (info, created);
    }

    public Task<IReadOnlyList<SecretInfo>> ListSecretsAsync(string tenantId, CancellationToken cancellationToken = default) =>
        secrets.ListAsync(tenantId, cancellationToken);

    public async Task RemoveSecretAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        if (!await secrets.DeleteAsync(tenantId, name, cancellationToken).ConfigureAwait(false))
        {
            throw DomeException.NotFound($"no secret `{name}` in this tenant");
        }
    }

    public const int MaxSecretLength = 16 * 1024;

    private static Connection Build(string tenantId, string name, ConnectionRequest request, DateTimeOffset created, DateTimeOffset updated) => new()
    {
        TenantId = tenantId,
        Name = name,
        BaseUrl = CatalogValidator.HttpUrl(request.BaseUrl, "the base URL"),
        Auth = CatalogValidator.Auth(request.Auth),
        OutputRules = CatalogValidator.OutputRules(request.OutputRules),
        CreatedAt = created,
        UpdatedAt = updated,
    };

    private static DomeException NoConnection(string name) =>
        DomeException.NotFound($"no connection `{name}` in this tenant; add it with `dome tools add-connection {name} --base-url URL`");

    private static DomeException NoTool(string connection, string name) =>
        DomeException.NotFound($"no tool `{connection}/{name}` in this tenant");
}
