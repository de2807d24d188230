using System.Globalization;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Dome.Storage.Azure.Tables;

/// <summary>
/// The account-level Table Storage client, on Azure.Core's <see cref="HttpPipeline"/> (retries, transport,
/// diagnostics) with Shared Key or bearer-token (<c>https://storage.azure.com/.default</c>) authentication.
/// The endpoint is the table service's root: <c>https://acct.table.core.windows.net</c>, or Azurite's path-style
/// <c>http://127.0.0.1:10002/devstoreaccount1</c>.
/// </summary>
internal sealed partial class TableServiceClient
{
    private readonly HttpPipeline _pipeline;

    public TableServiceClient(Uri endpoint, AzureNamedKeyCredential credential, TableClientOptions? options = null, TimeProvider? time = null)
        : this(endpoint, new TableSharedKeyPolicy(credential, time), options)
    {
    }

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        : this(endpoint, StorageEndpoint.BearerPolicy(credential), options)
    {
    }

    private TableServiceClient(Uri endpoint, HttpPipelinePolicy authentication, TableClientOptions? options)
    {
        Endpoint = StorageEndpoint.Normalize(endpoint, "table");
        _pipeline = HttpPipelineBuilder.Build(options ?? new TableClientOptions(), [], [authentication], new ResponseClassifier());
    }

    public Uri Endpoint { get; }

    /// <summary>A client for one table (which need not exist yet).</summary>
    public TableClient GetTableClient(string tableName)
    {
        ValidateTableName(tableName);
        return new TableClient(_pipeline, Endpoint, tableName);
    }

    /// <summary>The service's rule: 3 to 63 letters and digits, starting with a letter (and not <c>tables</c>).</summary>
    public static void ValidateTableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableNamePattern().IsMatch(tableName) || string.Equals(tableName, "tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"`{tableName}` is not a table name (3 to 63 letters and digits, starting with a letter)"),
                nameof(tableName));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
