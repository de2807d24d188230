namespace Dome.Storage.Azure.Stores;

/// <summary>The table of each store (after the deployment's prefix); docs/azure.md describes each one's partitions.</summary>
internal static class AzureTableNames
{
    public const string Tenants = "Tenants";

    public const string Agents = "Agents";

    public const string AgentKeys = "AgentKeys";

    public const string IdentityProviders = "IdentityProviders";

    public const string TokenEvents = "TokenEvents";

    public const string Catalog = "Catalog";

    public const string Limits = "Limits";

    public const string Policies = "Policies";

    public const string Approvals = "Approvals";

    public const string Audit = "Audit";
}
