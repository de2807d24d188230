using Dome.Core.Approvals;
using Dome.Core.Audit;
using Dome.Core.Limits;
using Dome.Core.Policy;
using Dome.Core.Storage;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// The Table Storage adapters of Dome's store ports, on one table service and prefix. The composition root (the
/// <c>Dome:Storage</c> wiring) builds one of these from a <see cref="TableServiceClient"/> and registers its
/// stores; tables are created on first use.
/// </summary>
internal sealed class AzureTableStores
{
    public AzureTableStores(TableServiceClient service, string prefix = "dome", TimeProvider? time = null)
        : this(new AzureTables(service, prefix), time)
    {
    }

    public AzureTableStores(AzureTables tables, TimeProvider? time = null)
    {
        Tables = tables;
        Time = time ?? TimeProvider.System;
        Tenants = new AzureTenantStore(tables);
        Agents = new AzureAgentStore(tables);
        IdentityProviders = new AzureIdentityProviderStore(tables);
        TokenEvents = new AzureTokenEventStore(tables);
        Limits = new AzureLimitStore(tables);
        Policies = new AzurePolicyStore(tables);
        Approvals = new AzureApprovalStore(tables);
        Audit = new AzureAuditStore(tables);
    }

    public AzureTables Tables { get; }

    public TimeProvider Time { get; }

    public ITenantStore Tenants { get; }

    public IAgentStore Agents { get; }

    public IIdentityProviderStore IdentityProviders { get; }

    public ITokenEventStore TokenEvents { get; }

    public ILimitStore Limits { get; }

    public IPolicyStore Policies { get; }

    public IApprovalStore Approvals { get; }

    public IAuditStore Audit { get; }
}
