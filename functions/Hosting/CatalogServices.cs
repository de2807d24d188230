using Dome.Core.Catalog;

namespace Dome.Functions.Hosting;

/// <summary>The tool catalog; its store and the secret store come from <see cref="StorageServices"/>.</summary>
internal static class CatalogServices
{
    public static IServiceCollection AddDomeCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ToolCatalog>();
        services.AddSingleton<CatalogAdministration>();
        return services;
    }
}
