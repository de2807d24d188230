using Dome.Core.Approvals;
using Dome.Core.Audit;
using Dome.Core.Limits;
using Dome.Core.Policy;
using Dome.Core.Queues;
using Dome.Core.Secrets;
using Dome.Core.Storage;
using Dome.Storage.Azure;
using Dome.Storage.Sqlite;
using Dome.Tokens.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Dome.Functions.Hosting;

/// <summary>
/// The one place Dome's stores are registered, for the kind <c>Dome:Storage:Kind</c> names: every store, the
/// message queue, the secret store and the signing-key store. <c>sqlite</c> keeps everything in
/// <c>&lt;data-dir&gt;/dome.db</c>; <c>azure</c> uses Table Storage and Storage Queues (<c>Dome:Storage:Azure</c>).
/// Either way, secrets and signing keys live in Key Vault when <c>Dome:KeyVault:Uri</c> is set, else in the data
/// directory, encrypted with its Data Protection key ring. Settings are checked when the server starts.
/// </summary>
internal static class StorageServices
{
    /// <summary>The key ring's folder in the data directory.</summary>
    public const string KeyRingFolder = "key-ring";

    public static IServiceCollection AddDomeStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<AzureStorageOptions>().Bind(configuration.GetSection(AzureStorageOptions.Section));
        services.AddOptions<KeyVaultOptions>().Bind(configuration.GetSection(KeyVaultOptions.Section));

        // Opened on first use only: with Kind=azure and Key Vault nothing touches it. Both factories check the settings
        // first, so a store resolved before the start-up validation runs (a hosted service's) fails the same way.
        services.AddSingleton(sp => SqliteDatabase.Open(Path.Combine(Validated(sp).GetRequiredService<IOptions<DomeOptions>>().Value.FullDataDir, "dome.db")));
        services.AddSingleton(sp => new AzureConnections(Validated(sp).GetRequiredService<IOptions<AzureStorageOptions>>().Value));

        if (StorageOptions.KindOf(configuration) == StorageOptions.Azure)
        {
            AddAzure(services);
        }
        else
        {
            AddSqlite(services);
        }

        AddSecretsAndKeys(services, configuration);
        return services;
    }

    private static void AddSqlite(IServiceCollection services)
    {
        services.AddHostedService<SqliteCheckpointSweep>();
        services.AddSingleton<ITenantStore, SqliteTenantStore>();
        services.AddSingleton<IAgentStore, SqliteAgentStore>();
        services.AddSingleton<IIdentityProviderStore, SqliteIdentityProviderStore>();
        services.AddSingleton<ITokenEventStore, SqliteTokenEventStore>();
        services.AddSingleton<ICatalogStore, SqliteCatalogStore>();
        services.AddSingleton<ILimitStore, SqliteLimitStore>();
        services.AddSingleton<IPolicyStore, SqlitePolicyStore>();
        services.AddSingleton<IApprovalStore, SqliteApprovalStore>();
        services.AddSingleton<IAuditStore, SqliteAuditStore>();
        services.AddSingleton<IMessageQueue, SqliteMessageQueue>();
    }

    private static void AddAzure(IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<AzureConnections>().MessageQueue(sp.GetRequiredService<TimeProvider>()));
        AzureTableStoreServices.Add(services);
    }

    private static void AddSecretsAndKeys(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[KeyVaultOptions.Section + ":Uri"] is { Length: > 0 })
        {
            services.AddSingleton(sp => Cached(sp, sp.GetRequiredService<AzureConnections>().SecretStore(Vault(sp))));
            services.AddSingleton(sp => sp.GetRequiredService<AzureConnections>().SigningKeyStore(Vault(sp)));
            return;
        }

        var dataDir = (configuration.GetSection(DomeOptions.Section).Get<DomeOptions>() ?? new DomeOptions()).FullDataDir;
        services.AddDataProtection().SetApplicationName("dome").PersistKeysToFileSystem(PrivateDirectory(Path.Combine(dataDir, KeyRingFolder)));
        services.AddSingleton(sp => Cached(sp, ActivatorUtilities.CreateInstance<SqliteSecretStore>(sp)));
        services.AddSingleton<ISigningKeyStore>(sp => new LocalSigningKeyStore(
            sp.GetRequiredService<IDataProtectionProvider>(),
            Path.Combine(sp.GetRequiredService<IOptions<DomeOptions>>().Value.FullDataDir, LocalSigningKeyStore.FileName)));
    }

    /// <summary>
    /// Decrypted secrets are kept for <see cref="CachingSecretStore.DefaultTimeToLive"/> so a call does not read and decrypt
    /// (or ask Key Vault) every time; a change through this instance's API is seen at once, another instance's within
    /// that time.
    /// </summary>
    private static ISecretStore Cached(IServiceProvider services, ISecretStore inner) =>
        new CachingSecretStore(inner, services.GetRequiredService<TimeProvider>(), CachingSecretStore.DefaultTimeToLive);

    /// <summary>Runs <see cref="StorageOptionsValidator"/>: throws <see cref="OptionsValidationException"/> naming each bad key.</summary>
    private static IServiceProvider Validated(IServiceProvider services)
    {
        _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return services;
    }

    private static Uri Vault(IServiceProvider services) =>
        services.GetRequiredService<IOptions<KeyVaultOptions>>().Value.Uri ?? throw new InvalidOperationException($"`{KeyVaultOptions.Section}:Uri` is not set");

    /// <summary>The key ring's folder, readable by its owner only.</summary>
    private static DirectoryInfo PrivateDirectory(string path) => OperatingSystem.IsWindows()
        ? Directory.CreateDirectory(path)
        : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
}
