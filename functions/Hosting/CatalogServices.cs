using Dome.Core.Catalog;
using Dome.Core.Secrets;
using Dome.Core.Storage;
using Dome.Storage.Sqlite;
using Microsoft.AspNetCore.DataProtection;

namespace Dome.Functions.Hosting;

/// <summary>The tool catalog and the embedded secret store (Data Protection key ring in <c>&lt;data-dir&gt;/key-ring</c>).</summary>
internal static class CatalogServices
{
    /// <summary>The key ring's folder in the data directory; the same one identity's signing keys use (branch <c>identity</c>).</summary>
    public const string KeyRingFolder = "key-ring";

    public static IServiceCollection AddDomeCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        // One key ring for the whole app: identical to identity's registration, so whichever runs first wins and the other changes nothing.
        var dataDir = (configuration.GetSection(DomeOptions.Section).Get<DomeOptions>() ?? new DomeOptions()).FullDataDir;
        var keyRing = OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(Path.Combine(dataDir, KeyRingFolder))
            : Directory.CreateDirectory(Path.Combine(dataDir, KeyRingFolder), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        services.AddDataProtection().SetApplicationName("dome").PersistKeysToFileSystem(keyRing);
        services.AddSingleton<ICatalogStore, SqliteCatalogStore>();
        services.AddSingleton<ISecretStore>(sp => new CachingSecretStore(ActivatorUtilities.CreateInstance<SqliteSecretStore>(sp), sp.GetRequiredService<TimeProvider>(), CachingSecretStore.DefaultTimeToLive));
        services.AddSingleton<ToolCatalog>();
        services.AddSingleton<CatalogAdministration>();
        return services;
    }
}
