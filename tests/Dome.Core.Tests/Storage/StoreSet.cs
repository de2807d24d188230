using Dome.Core.Queues;
using Dome.Core.Storage;

namespace Dome.Core.Tests.Storage;

/// <summary>One implementation's stores, as a contract test receives them.</summary>
public sealed record StoreSet
{
    public required ITenantStore Tenants { get; init; }

    public required IAgentStore Agents { get; init; }

    public required IMessageQueue Queue { get; init; }

    public required IIdentityProviderStore IdentityProviders { get; init; }

    public required ITokenEventStore TokenEvents { get; init; }

    public required ManualTimeProvider Time { get; init; }
}
