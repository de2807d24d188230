using System.Collections.Concurrent;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// The tables of one Dome deployment: <c>&lt;prefix&gt;&lt;Name&gt;</c> on one table service, each created on first
/// use (once per process; creation is idempotent, so several instances starting together are fine).
/// </summary>
internal sealed class AzureTables
{
    private readonly TableServiceClient _service;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public AzureTables(TableServiceClient service, string prefix = "dome")
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(prefix);
        _service = service;
        Prefix = prefix;
        TableServiceClient.ValidateTableName(prefix + "Tenants");
    }

    /// <summary>Alphanumeric; prepended to every table name (<c>Dome:Storage:Azure:TablePrefix</c>).</summary>
    public string Prefix { get; }

    /// <summary>The client of table <c>&lt;prefix&gt;<paramref name="name"/></c>, created if it does not exist yet.</summary>
    public async Task<TableClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(name, key => new Lazy<Task<TableClient>>(() => CreateAsync(key)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            // A failed creation is not cached: the next call tries again.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(name, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string name)
    {
        var client = _service.GetTableClient(Prefix + name);
        await client.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
        return client;
    }
}
