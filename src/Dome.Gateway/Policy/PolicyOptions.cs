using System.ComponentModel.DataAnnotations;

namespace Dome.Gateway.Policy;

/// <summary>Configuration section <c>Dome:Policy</c>.</summary>
internal sealed record PolicyOptions
{
    public const string Section = "Dome:Policy";

    /// <summary>How long an instance trusts its compiled set before checking the store's active hash (scale-out).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an approval request stays valid when the tenant did not set its own.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan ApprovalLifetime { get; init; } = TimeSpan.FromMinutes(15);
}
