using Dome.Core.Lifecycle;
using Dome.Core.Storage;
using Dome.Storage.Sqlite;
using Dome.Tokens;
using Dome.Tokens.Exchange;
using Dome.Tokens.Issuing;
using Dome.Tokens.Keys;
using Dome.Tokens.Providers;
using Dome.Tokens.Validation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Dome.Functions.Hosting;

/// <summary>
/// Wires agent identity: token exchange, signing keys (embedded: <c>&lt;data-dir&gt;/signing-keys.json</c>
/// encrypted with the Data Protection key ring in <c>&lt;data-dir&gt;/key-ring</c>), identity providers and the
/// token validator, whose agent cache every processed lifecycle event invalidates.
/// </summary>
internal static class IdentityServices
{
    public const string KeyRingDirectory = "key-ring";

    public static IServiceCollection AddDomeIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TokenOptions>().Bind(configuration.GetSection(TokenOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var dataDir = (configuration.GetSection(DomeOptions.Section).Get<DomeOptions>() ?? new DomeOptions()).FullDataDir;
        services.AddDataProtection().SetApplicationName("dome").PersistKeysToFileSystem(PrivateDirectory(Path.Combine(dataDir, KeyRingDirectory)));
        services.AddSingleton<ISigningKeyStore>(sp => new LocalSigningKeyStore(
            sp.GetRequiredService<IDataProtectionProvider>(),
            Path.Combine(sp.GetRequiredService<IOptions<DomeOptions>>().Value.FullDataDir, LocalSigningKeyStore.FileName)));

        services.AddSingleton<IIdentityProviderStore, SqliteIdentityProviderStore>();
        services.AddSingleton<ITokenEventStore, SqliteTokenEventStore>();
        services.AddHttpClient(JwksCache.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5));

        services.AddSingleton<DomeIssuer>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<DomeTokenIssuer>();
        services.AddSingleton<AgentStatusCache>();
        services.AddSingleton<ILifecycleObserver>(sp => sp.GetRequiredService<AgentStatusCache>());
        services.AddSingleton<DomeTokenValidator>();
        services.AddSingleton<JwksCache>();
        services.AddSingleton<IdTokenVerifier>();
        services.AddSingleton<IdentityProviders>();
        services.AddSingleton<TokenAudit>();
        services.AddSingleton<TokenExchange>();
        return services;
    }

    /// <summary>The key ring's folder, readable by its owner only.</summary>
    private static DirectoryInfo PrivateDirectory(string path)
    {
        var directory = OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return directory;
    }
}
