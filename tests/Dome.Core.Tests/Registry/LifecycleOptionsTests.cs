using System.ComponentModel.DataAnnotations;
using Dome.Core.Lifecycle;

namespace Dome.Core.Tests.Registry;

public sealed class LifecycleOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.Empty(Errors(new LifecycleOptions()));
    }

    [Fact]
    public void LongestInterval_ShorterThanTheFirst_IsRejectedNamingBothKeys()
    {
        var errors = Errors(new LifecycleOptions { RedeliverAfter = TimeSpan.FromMinutes(10), MaxRedeliverInterval = TimeSpan.FromMinutes(5) });

        var error = Assert.Single(errors);
        Assert.Contains("Dome:Lifecycle:MaxRedeliverInterval", error, StringComparison.Ordinal);
        Assert.Contains("Dome:Lifecycle:RedeliverAfter", error, StringComparison.Ordinal);
    }

    [Fact]
    public void LongestInterval_OutOfRange_IsRejected()
    {
        Assert.Single(Errors(new LifecycleOptions { MaxRedeliverInterval = TimeSpan.FromDays(8) }));
    }

    private static List<string> Errors(LifecycleOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? string.Empty).ToList();
    }
}
