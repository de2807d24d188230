using System.ComponentModel.DataAnnotations;

namespace Dome.Tokens;

/// <summary><c>Dome:Tokens</c>: how Dome issues and checks its access tokens.</summary>
public sealed record TokenOptions
{
    public const string Section = "Dome:Tokens";

    /// <summary>The longest lifetime any Dome token may have; retired signing keys stay published this long (plus skew).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);

    /// <summary>Dome's issuer URL (<c>iss</c>, and the default audience). Default: the server's own first address.</summary>
    public Uri? Issuer { get; init; }

    /// <summary>How long an issued token lives (<c>expires_in</c>): default 5 minutes, at most 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>More resources (RFC 8707) Dome issues tokens for, besides its issuer URL.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>Tolerance for clock differences when checking <c>exp</c> and <c>nbf</c>, Dome's and identity providers'.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an agent's status is remembered by the token validator when no lifecycle event says otherwise.
    /// Lifecycle events invalidate it at once; this only bounds staleness where events do not reach this process.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan AgentStatusCacheTtl { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an identity provider's fetched JWKS is reused.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan JwksCacheTtl { get; init; } = TimeSpan.FromMinutes(10);
}
