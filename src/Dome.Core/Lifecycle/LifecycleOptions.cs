using System.ComponentModel.DataAnnotations;

namespace Dome.Core.Lifecycle;

/// <summary>Configuration section <c>Dome:Lifecycle</c>.</summary>
public sealed record LifecycleOptions : IValidatableObject
{
    public const string Section = "Dome:Lifecycle";

    /// <summary>
    /// How long an agent event may stay unprocessed before the redelivery sweep announces it again on
    /// <c>dome-lifecycle</c>; the sweep runs at start-up and then at this interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RedeliverAfter { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest an event announced again waits before the next announcement: each announcement defers the event for
    /// as long as it has waited so far (at least <see cref="RedeliverAfter"/>), so one that keeps failing is announced at
    /// doubling intervals up to this one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxRedeliverInterval { get; init; } = TimeSpan.FromHours(6);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxRedeliverInterval < RedeliverAfter)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(MaxRedeliverInterval)} ({MaxRedeliverInterval}) must not be shorter than {Section}:{nameof(RedeliverAfter)} ({RedeliverAfter})",
                [nameof(MaxRedeliverInterval)]);
        }
    }
}
