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

    /// <summary>
    /// How the contracts let time pass for these stores: null advances <see cref="Time"/>; a server that keeps its
    /// own clock (Azurite) sets a real wait here.
    /// </summary>
    public Func<TimeSpan, Task>? LetTimePass { get; init; }

    public Task LetTimePassAsync(TimeSpan duration)
    {
        if (LetTimePass is { } wait)
        {
            return wait(duration);
        }

        Time.Advance(duration);
        return Task.CompletedTask;
    }
}
