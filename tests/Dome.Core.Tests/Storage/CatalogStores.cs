using Dome.Core.Secrets;
using Dome.Core.Storage;

namespace Dome.Core.Tests.Storage;

/// <summary>One implementation's catalog and secret stores, as the catalog contract tests receive them.</summary>
public sealed record CatalogStores
{
    public required ICatalogStore Catalog { get; init; }

    public required ISecretStore Secrets { get; init; }
}
