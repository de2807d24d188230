using Microsoft.Extensions.Logging;
namespace Dome.Gateway.Limits;

/// <summary>Log lines of the limiter: tenant ids and counts only.</summary>
internal static partial class LimitsLog
{
    [LoggerMessage(6101, LogLevel.Warning, "Reloading the limits of tenant {TenantId} failed; the previous limits stay in force")]
    public static partial void RefreshFailed(this ILogger logger, string tenantId, Exception exception);

    [LoggerMessage(6102, LogLevel.Error, "The limits or quota counters of tenant {TenantId} could not be read; the call is denied")]
    public static partial void StoreUnavailable(this ILogger logger, string tenantId, Exception exception);

    [LoggerMessage(6103, LogLevel.Warning, "Giving back {Count} unused quota reservations failed")]
    public static partial void ReleaseFailed(this ILogger logger, int count, Exception exception);

    [LoggerMessage(6104, LogLevel.Warning, "The idle-counter sweep failed; it runs again at the next interval")]
    public static partial void SweepFailed(this ILogger logger, Exception exception);
}
