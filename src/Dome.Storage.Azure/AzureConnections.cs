using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Dome.Core.Queues;
using Dome.Core.Secrets;
using Dome.Storage.Azure.KeyVault;
using Dome.Storage.Azure.Queues;
using Dome.Storage.Azure.Stores;
using Dome.Tokens.Keys;

namespace Dome.Storage.Azure;

/// <summary>
/// Builds Dome's Azure clients from <see cref="AzureStorageOptions"/>: the credential (Shared Key for storage when
/// an account key is set; otherwise, and always for Key Vault, a managed identity or <c>DefaultAzureCredential</c>),
/// the queue and Key Vault clients, and the ports on them. Tests pass their own credential and transports (Azurite
/// over HTTPS with a pinned certificate, the Key Vault stand-in) instead of the defaults.
/// </summary>
public sealed class AzureConnections
{
    private readonly Lazy<TokenCredential> credential;
    private readonly TokenCredential? keyVaultCredential;

    /// <param name="options">Endpoints, account and identity.</param>
    /// <param name="credential">The token credential for storage and Key Vault; null for the managed identity or <c>DefaultAzureCredential</c>.</param>
    /// <param name="storageTransport">The transport for tables and queues; null for Azure.Core's default.</param>
    /// <param name="keyVaultOptions">Key Vault client options; null for the SDK's defaults.</param>
    /// <param name="keyVaultCredential">A separate credential for Key Vault; null to use <paramref name="credential"/>.</param>
    public AzureConnections(
        AzureStorageOptions options,
        TokenCredential? credential = null,
        HttpPipelineTransport? storageTransport = null,
        SecretClientOptions? keyVaultOptions = null,
        TokenCredential? keyVaultCredential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        StorageTransport = storageTransport;
        KeyVaultOptions = keyVaultOptions;
        this.keyVaultCredential = keyVaultCredential;
        this.credential = new Lazy<TokenCredential>(() => credential ?? DefaultCredential(options));
    }

    public AzureStorageOptions Options { get; }

    /// <summary>The token credential: the one given, else the managed identity <c>ClientId</c>, else <c>DefaultAzureCredential</c>.</summary>
    public TokenCredential Credential => credential.Value;

    /// <summary>The transport for table and queue requests; null for Azure.Core's default.</summary>
    public HttpPipelineTransport? StorageTransport { get; }

    /// <summary>Key Vault client options; null for the SDK's defaults.</summary>
    public SecretClientOptions? KeyVaultOptions { get; }

    /// <summary>The Storage Queues port on <see cref="AzureStorageOptions.QueueEndpoint"/>.</summary>
    public IMessageQueue MessageQueue(TimeProvider? time = null)
    {
        var endpoint = Options.QueueEndpoint ?? throw new InvalidOperationException($"`{AzureStorageOptions.Section}:QueueEndpoint` is not set");
        var clientOptions = new QueueClientOptions();
        if (StorageTransport is { } transport)
        {
            clientOptions.Transport = transport;
        }

        var client = Options.UsesSharedKey
            ? new QueueServiceClient(endpoint, SharedKey(), clientOptions, time)
            : new QueueServiceClient(endpoint, Credential, clientOptions);
        return new AzureMessageQueue(client);
    }

    /// <summary>The Table Storage stores on <see cref="AzureStorageOptions.TableEndpoint"/>, tables named <c>&lt;TablePrefix&gt;&lt;Name&gt;</c>.</summary>
    public AzureTableStores TableStores(TimeProvider? time = null)
    {
        var endpoint = Options.TableEndpoint ?? throw new InvalidOperationException($"`{AzureStorageOptions.Section}:TableEndpoint` is not set");
        return Options.UsesSharedKey
            ? AzureTableStores.Create(endpoint, SharedKey(), Options.TablePrefix, StorageTransport, time)
            : AzureTableStores.Create(endpoint, Credential, Options.TablePrefix, StorageTransport, time);
    }

    public ISecretStore SecretStore(Uri vault) => new KeyVaultSecretStore(SecretClient(vault));

    public ISigningKeyStore SigningKeyStore(Uri vault) => new KeyVaultSigningKeyStore(SecretClient(vault));

    /// <summary>The Shared Key credential: account name and key.</summary>
    public AzureNamedKeyCredential SharedKey() => new(
        Options.AccountName ?? throw new InvalidOperationException($"`{AzureStorageOptions.Section}:AccountName` is not set"),
        Options.AccountKey ?? throw new InvalidOperationException($"`{AzureStorageOptions.Section}:AccountKey` is not set"));

    private SecretClient SecretClient(Uri vault) => new(vault, keyVaultCredential ?? Credential, KeyVaultOptions ?? new SecretClientOptions());

    private static TokenCredential DefaultCredential(AzureStorageOptions options) => string.IsNullOrEmpty(options.ClientId)
        ? new DefaultAzureCredential()
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
}
