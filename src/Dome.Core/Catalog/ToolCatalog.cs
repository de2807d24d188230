using System.Collections.Concurrent;
using Dome.Core.Catalog.Schema;
using Dome.Core.Storage;

namespace Dome.Core.Catalog;

/// <summary>
/// The gateway's view of the catalog: finds a tool with its connection and its compiled input schema. Entries are
/// cached briefly (<see cref="CacheFor"/>) so the hot path does not read the store on every call; changes made
/// through <see cref="CatalogAdministration"/> in this process evict at once, other instances see them after at
/// most <see cref="CacheFor"/>.
/// </summary>
public sealed class ToolCatalog(ICatalogStore store, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Tenant, string Connection, string Tool), Cached> cache = new();

    public TimeSpan CacheFor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The tool, its connection and its compiled schema, or null when the tenant has no such tool.</summary>
    /// <remarks>A stored schema that no longer compiles is reported as an exception: the call must be denied, not forwarded unvalidated.</remarks>
    public async ValueTask<ResolvedTool?> FindAsync(string tenantId, ToolName name, CancellationToken cancellationToken = default)
    {
        var key = (tenantId, name.Connection, name.Tool);
        var now = time.GetUtcNow();
        if (cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.Tool;
        }

        var entry = await store.FindEntryAsync(tenantId, name.Connection, name.Tool, cancellationToken).ConfigureAwait(false);
        ResolvedTool? resolved = null;
        if (entry is not null)
        {
            if (!JsonSchema.TryParse(entry.Tool.InputSchema, out var schema, out var problem))
            {
                throw new InvalidOperationException($"the stored input schema of `{name}` does not compile: {problem}");
            }

            resolved = new ResolvedTool { Entry = entry, Schema = schema };
        }

        cache[key] = new Cached(resolved, now + CacheFor);
        return resolved;
    }

    /// <summary>Forgets every cached entry of a tenant (after an admin change).</summary>
    public void Evict(string tenantId)
    {
        foreach (var key in cache.Keys)
        {
            if (key.Tenant == tenantId)
            {
                cache.TryRemove(key, out _);
            }
        }
    }

    private sealed record Cached(ResolvedTool? Tool, DateTimeOffset Until);
}
