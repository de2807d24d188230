using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Dome.Core.Approvals;
using Dome.Core.Audit;
using Dome.Core.Limits;
using Dome.Core.Policy;
using Dome.Core.Storage;
using Dome.Storage.Azure.Tables;

namespace Dome.Storage.Azure.Stores;

/// <summary>
/// The Table Storage adapters of Dome's store ports, on one table service and table prefix. The composition root
/// (the <c>Dome:Storage</c> wiring) builds one with <see cref="Create(Uri, AzureNamedKeyCredential, string, HttpPipelineTransport?, TimeProvider?)"/>
/// or <see cref="Create(Uri, TokenCredential, string, HttpPipelineTransport?, TimeProvider?)"/> and registers its
/// stores as singletons; tables are created on first use.
/// </summary>
public sealed class AzureTableStores
{
    internal AzureTableStores(TableServiceClient service, string prefix = "dome", TimeProvider? time = null)
        : this(new AzureTables(service, prefix), time)
    {
    }

    internal AzureTableStores(AzureTables tables, TimeProvider? time = null)
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
        Catalog = new AzureCatalogStore(tables);
    }

    /// <summary>Stores authenticated with the account's Shared Key (Azurite, development).</summary>
    public static AzureTableStores Create(Uri tableEndpoint, AzureNamedKeyCredential credential, string prefix = "dome", HttpPipelineTransport? transport = null, TimeProvider? time = null) =>
        new(new TableServiceClient(tableEndpoint, credential, Options(transport), time), prefix, time);

    /// <summary>Stores authenticated with bearer tokens for <c>https://storage.azure.com/.default</c> (managed identity in Azure).</summary>
    public static AzureTableStores Create(Uri tableEndpoint, TokenCredential credential, string prefix = "dome", HttpPipelineTransport? transport = null, TimeProvider? time = null) =>
        new(new TableServiceClient(tableEndpoint, credential, Options(transport)), prefix, time);

    internal AzureTables Tables { get; }

    public TimeProvider Time { get; }

    public ITenantStore Tenants { get; }

    public IAgentStore Agents { get; }

    public IIdentityProviderStore IdentityProviders { get; }

    public ITokenEventStore TokenEvents { get; }

    public ICatalogStore Catalog { get; }

    public ILimitStore Limits { get; }

    public IPolicyStore Policies { get; }

    public IApprovalStore Approvals { get; }

    public IAuditStore Audit { get; }

    private static TableClientOptions Options(HttpPipelineTransport? transport)
    {
        var options = new TableClientOptions();
        if (transport is not null)
        {
            options.Transport = transport;
        }

        return options;
    }
}
