using Dome.Core.Registry;
using Microsoft.Extensions.Options;

namespace Dome.Functions.Hosting;

/// <summary>
/// First start of the embedded server: creates tenant <c>default</c> with workspace <c>default</c>, and writes
/// its admin key to <c>&lt;data-dir&gt;/admin.key</c> and an operator key to <c>&lt;data-dir&gt;/operator.key</c>
/// (mode 0600). A key file that went missing is replaced by a new key; the old one stays valid until revoked.
/// </summary>
internal sealed partial class EmbeddedBootstrap(TenantAdministration administration, IOptions<DomeOptions> options, ILogger<EmbeddedBootstrap> logger) : IHostedService
{
    public const string AdminKeyFile = "admin.key";
    public const string OperatorKeyFile = "operator.key";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Bootstrap)
        {
            return;
        }

        var dataDir = options.Value.FullDataDir;
        Directory.CreateDirectory(dataDir);
        var adminPath = Path.Combine(dataDir, AdminKeyFile);
        var operatorPath = Path.Combine(dataDir, OperatorKeyFile);

        var tenants = await administration.ListTenantsAsync(cancellationToken).ConfigureAwait(false);
        var tenant = tenants.FirstOrDefault(t => t.Name == TenantAdministration.DefaultTenant);
        if (tenant is null)
        {
            var (_, adminKey) = await administration.CreateTenantAsync(TenantAdministration.DefaultTenant, cancellationToken).ConfigureAwait(false);
            KeyFile.Write(adminPath, adminKey);
        }
        else if (!File.Exists(adminPath))
        {
            KeyFile.Write(adminPath, await administration.CreateAdminKeyAsync(tenant.Id, cancellationToken).ConfigureAwait(false));
        }

        if (!File.Exists(operatorPath))
        {
            KeyFile.Write(operatorPath, await administration.CreateOperatorKeyAsync(cancellationToken).ConfigureAwait(false));
        }

        LogKeys(logger, adminPath, operatorPath);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Admin key of tenant `default`: {AdminKeyPath}; operator key: {OperatorKeyPath}")]
    private static partial void LogKeys(ILogger logger, string adminKeyPath, string operatorKeyPath);
}
