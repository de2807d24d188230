using Dome.Core.Approvals;
using Dome.Core.Audit;
using Dome.Core.Limits;
using Dome.Core.Policy;
using Dome.Core.Storage;

namespace Dome.Functions.Hosting;

/// <summary>The Table Storage stores for <c>Dome:Storage:Kind=azure</c>.</summary>
internal static class AzureTableStoreServices
{
    public static void Add(IServiceCollection services)
    {
        // Branches aztables and azstores bring these adapters; until they are merged the server refuses to start on Azure.
        services.AddSingleton<ITenantStore>(_ => throw Missing("tenant"));
        services.AddSingleton<IAgentStore>(_ => throw Missing("agent"));
        services.AddSingleton<IIdentityProviderStore>(_ => throw Missing("identity provider"));
        services.AddSingleton<ITokenEventStore>(_ => throw Missing("token event"));
        services.AddSingleton<ICatalogStore>(_ => throw Missing("catalog"));
        services.AddSingleton<ILimitStore>(_ => throw Missing("limit"));
        services.AddSingleton<IPolicyStore>(_ => throw Missing("policy"));
        services.AddSingleton<IApprovalStore>(_ => throw Missing("approval"));
        services.AddSingleton<IAuditStore>(_ => throw Missing("audit"));
    }

    private static InvalidOperationException Missing(string store) => new($"`Dome:Storage:Kind=azure` has no {store} store in this build");
}
