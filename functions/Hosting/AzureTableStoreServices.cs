using Dome.Core.Approvals;
using Dome.Core.Audit;
using Dome.Core.Limits;
using Dome.Core.Policy;
using Dome.Core.Storage;
using Dome.Storage.Azure;
using Dome.Storage.Azure.Stores;

namespace Dome.Functions.Hosting;

/// <summary>The Table Storage stores for <c>Dome:Storage:Kind=azure</c>, all from one <see cref="AzureTableStores"/>.</summary>
internal static class AzureTableStoreServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<AzureConnections>().TableStores(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<AzureTableStores>().Tenants);
        services.AddSingleton(sp => sp.GetRequiredService<AzureTableStores>().Agents);
        services.AddSingleton(sp => sp.GetRequiredService<AzureTableStores>().IdentityProviders);
        services.AddSingleton(sp => sp.GetRequiredService<AzureTableStores>().TokenEvents);
        services.AddSingleton(sp => sp.GetRequiredService<AzureTableStores>().Catalog);

        // Branch azstores brings these adapters; until it is merged the server refuses to start on Azure.
        services.AddSingleton<ILimitStore>(_ => throw Missing("limit"));
        services.AddSingleton<IPolicyStore>(_ => throw Missing("policy"));
        services.AddSingleton<IApprovalStore>(_ => throw Missing("approval"));
        services.AddSingleton<IAuditStore>(_ => throw Missing("audit"));
    }

    private static InvalidOperationException Missing(string store) => new($"`Dome:Storage:Kind=azure` has no {store} store in this build");
}
