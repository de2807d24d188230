using System.ComponentModel.DataAnnotations;

namespace Dome.Core.Lifecycle;

/// <summary>Configuration section <c>Dome:Lifecycle</c>.</summary>
public sealed record LifecycleOptions
{
    public const string Section = "Dome:Lifecycle";

    /// <summary>
    /// How long an agent event may stay unprocessed before the redelivery sweep announces it again on
    /// <c>dome-lifecycle</c>; the sweep runs at start-up and then at this interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RedeliverAfter { get; init; } = TimeSpan.FromMinutes(1);
}
