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
        services.AddSingleton(sp => sp.GetRequiredService<AzureTableStores>().Limits);
        services.AddSingleton(sp => sp.GetRequiredService<AzureTableStores>().Policies);
        services.AddSingleton(sp => sp.GetRequiredService<AzureTableStores>().Approvals);
        services.AddSingleton(sp => sp.GetRequiredService<AzureTableStores>().Audit);
    }
}
