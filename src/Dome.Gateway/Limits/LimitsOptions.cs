using System.ComponentModel.DataAnnotations;

namespace Dome.Gateway.Limits;

/// <summary>Configuration section <c>Dome:Gateway:Limits</c>.</summary>
public sealed record LimitsOptions
{
    public const string Section = "Dome:Gateway:Limits";

    /// <summary>
    /// How old a tenant's cached limits may get before they are reloaded in the background. Changes made through this
    /// instance's admin API apply at once; this bounds how long other instances take to see them.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a counter (rate bucket, concurrency gate, daily-quota block) must go unused before the sweep, which
    /// runs at this interval, drops it from memory. A bucket is dropped only once it has refilled, a gate only with no
    /// call in flight, a quota counter after giving its unused block back to the store (which keeps the day's count).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IdleAfter { get; init; } = TimeSpan.FromMinutes(10);
}
