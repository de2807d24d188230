using Dome.Core.Approvals;
using Dome.Core.Audit;
using Dome.Core.Limits;
using Dome.Core.Policy;
using Dome.Core.Queues;
using Dome.Core.Secrets;
using Dome.Core.Storage;
using Dome.Functions.Hosting;
using Dome.Testing;
using Dome.Tokens.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dome.Functions.Tests.Hosting;

/// <summary><c>Dome:Storage</c>: one registration per port for the configured kind, and settings checked at start.</summary>
public sealed class StorageWiringTests : IDisposable
{
    private static readonly Type[] Ports =
    [
        typeof(ITenantStore), typeof(IAgentStore), typeof(IIdentityProviderStore), typeof(ITokenEventStore), typeof(ICatalogStore),
        typeof(ILimitStore), typeof(IPolicyStore), typeof(IApprovalStore), typeof(IAuditStore), typeof(IMessageQueue),
        typeof(ISecretStore), typeof(ISigningKeyStore),
    ];

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Build_AnyKind_SecretStoreIsCached()
    {
        await using var sqlite = Build([]);
        await using var azure = Build([.. Azure(), "--Dome:KeyVault:Uri", "https://dome-test.vault.azure.net/"]);

        Assert.IsType<CachingSecretStore>(sqlite.Services.GetRequiredService<ISecretStore>());
        Assert.IsType<CachingSecretStore>(azure.Services.GetRequiredService<ISecretStore>());
    }

    [Fact]
    public async Task Build_DefaultKind_EveryPortRegisteredOnce_OnSqliteAndTheDataDirectory()
    {
        await using var app = Build([]);

        foreach (var port in Ports)
        {
            var registrations = app.Services.GetServices(port).ToList();
            Assert.True(registrations.Count == 1, $"{port.Name} has {registrations.Count} registrations");
            var type = Behind(registrations[0]!).GetType();
            Assert.True(type.Namespace is "Dome.Storage.Sqlite" or "Dome.Tokens.Keys", $"{port.Name} is {type.FullName}");
        }
    }

    [Fact]
    public async Task Build_AzureKindWithKeyVault_EveryPortOnAzure()
    {
        await using var app = Build([.. Azure(), "--Dome:KeyVault:Uri", "https://dome-test.vault.azure.net/"]);

        foreach (var port in Ports)
        {
            var registrations = app.Services.GetServices(port).ToList();
            Assert.True(registrations.Count == 1, $"{port.Name} has {registrations.Count} registrations");
            Assert.StartsWith("Dome.Storage.Azure.", Behind(registrations[0]!).GetType().FullName, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(directory.Path, "dome.db")), "Kind=azure with Key Vault opened the SQLite database");
    }

    [Fact]
    public async Task Build_AzureKindWithoutKeyVault_SecretsAndKeysStayInTheDataDirectory()
    {
        await using var app = Build(Azure());

        Assert.Equal("SqliteSecretStore", Behind(app.Services.GetRequiredService<ISecretStore>()).GetType().Name);
        Assert.IsType<LocalSigningKeyStore>(app.Services.GetRequiredService<ISigningKeyStore>());
        Assert.StartsWith("Dome.Storage.Azure.", app.Services.GetRequiredService<IAgentStore>().GetType().FullName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--Dome:Storage:Kind", "azure" }, "`Dome:Storage:Azure:TableEndpoint` is required when `Dome:Storage:Kind` is `azure`")]
    [InlineData(new[] { "--Dome:Storage:Kind", "azure" }, "`Dome:Storage:Azure:QueueEndpoint` is required when `Dome:Storage:Kind` is `azure`")]
    [InlineData(new[] { "--Dome:Storage:Kind", "cosmos" }, "`Dome:Storage:Kind` is `cosmos`; use `sqlite` or `azure`")]
    [InlineData(new[] { "--Dome:KeyVault:Uri", "http://vault.example.com/" }, "`Dome:KeyVault:Uri` is `http://vault.example.com/`; use the vault's https URL")]
    [InlineData(new[] { "--Dome:Storage:Azure:ClientId", "my-identity" }, "`Dome:Storage:Azure:ClientId` is `my-identity`; use the managed identity's client id (a GUID)")]
    public async Task Start_BadStorageSettings_FailsNamingTheKey(string[] settings, string expected)
    {
        await using var app = Build(settings);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(failure.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_AzureKindWithBadEndpointAndKey_FailsNamingEachKey()
    {
        await using var app = Build(
        [
            "--Dome:Storage:Kind", "azure",
            "--Dome:Storage:Azure:TableEndpoint", "table.example.com",
            "--Dome:Storage:Azure:QueueEndpoint", "http://127.0.0.1:1/devstoreaccount1",
            "--Dome:Storage:Azure:AccountKey", "not base64!",
        ]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(failure.Failures, f => f.StartsWith("`Dome:Storage:Azure:TableEndpoint` is `table.example.com`", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("`Dome:Storage:Azure:AccountName` is required with `Dome:Storage:Azure:AccountKey`", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("`Dome:Storage:Azure:AccountKey` is not base64", StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Failures, f => f.Contains("QueueEndpoint", StringComparison.Ordinal));
    }

    private static string[] Azure() =>
    [
        "--Dome:Storage:Kind", "azure",
        "--Dome:Storage:Azure:TableEndpoint", "http://127.0.0.1:1/devstoreaccount1",
        "--Dome:Storage:Azure:QueueEndpoint", "http://127.0.0.1:1/devstoreaccount1",
        "--Dome:Storage:Azure:AccountName", "devstoreaccount1",
        "--Dome:Storage:Azure:AccountKey", Convert.ToBase64String(new byte[64]),
    ];

    /// <summary>The app as it would run, not started: resolving a store opens nothing remote.</summary>
    private WebApplication Build(string[] settings) => DomeServer.Build(
        ["--urls", "http://127.0.0.1:0", "--Dome:DataDir", directory.Path, "--Dome:Bootstrap", "false", "--Dome:Dispatcher:Enabled", "false", .. settings],
        builder => builder.Logging.ClearProviders());

    /// <summary>The secret store is registered wrapped in its cache; the wiring under test is what the cache wraps.</summary>
    private static object Behind(object service) => service is CachingSecretStore cached ? cached.Inner : service;
}
