namespace Dome.Storage.Azure;

/// <summary>
/// <c>Dome:Storage:Azure</c>: where Dome's tables and queues live and how it signs in. With an account key the
/// requests are signed with Shared Key (Azurite, development); without one Dome uses a token credential:
/// the user-assigned managed identity <see cref="ClientId"/> when set, else <c>DefaultAzureCredential</c>.
/// </summary>
public sealed record AzureStorageOptions
{
    public const string Section = "Dome:Storage:Azure";

    /// <summary>The table service root, e.g. <c>https://acct.table.core.windows.net</c> or <c>http://127.0.0.1:10002/devstoreaccount1</c>.</summary>
    public Uri? TableEndpoint { get; init; }

    /// <summary>The queue service root, e.g. <c>https://acct.queue.core.windows.net</c> or <c>http://127.0.0.1:10001/devstoreaccount1</c>.</summary>
    public Uri? QueueEndpoint { get; init; }

    /// <summary>The storage account's name; required with <see cref="AccountKey"/>.</summary>
    public string? AccountName { get; init; }

    /// <summary>The account key (base64) for Shared Key. Leave it unset in Azure: the managed identity signs in instead.</summary>
    public string? AccountKey { get; init; }

    /// <summary>The client id of a user-assigned managed identity (also used for Key Vault).</summary>
    public string? ClientId { get; init; }

    /// <summary>Table names are <c>&lt;prefix&gt;&lt;Name&gt;</c>: letters and digits only, starting with a letter.</summary>
    public string TablePrefix { get; init; } = "dome";

    /// <summary>Whether requests are signed with Shared Key (an account key is configured).</summary>
    public bool UsesSharedKey => !string.IsNullOrEmpty(AccountKey);
}
