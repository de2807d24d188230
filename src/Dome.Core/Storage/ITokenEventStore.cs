using Dome.Core.Identity;

namespace Dome.Core.Storage;

/// <summary>Where the token endpoint records what it issued and refused (until Dome has one audit store).</summary>
public interface ITokenEventStore
{
    Task AppendAsync(TokenEvent tokenEvent, CancellationToken cancellationToken);

    /// <summary>The most recent events first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<TokenEvent>> ListRecentAsync(int limit, CancellationToken cancellationToken);
}
