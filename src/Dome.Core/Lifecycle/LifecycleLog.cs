using Microsoft.Extensions.Logging;

namespace Dome.Core.Lifecycle;

/// <summary>Log lines of the registry's lifecycle announcements: ids and counts only.</summary>
internal static partial class LifecycleLog
{
    [LoggerMessage(3001, LogLevel.Warning, "Announcing event {Sequence} of agent {AgentId} on the lifecycle queue failed; the change is stored and the redelivery sweep will announce it")]
    public static partial void AnnounceFailed(ILogger logger, string agentId, long sequence, Exception exception);

    [LoggerMessage(3002, LogLevel.Information, "Announced {Count} unprocessed agent events again on the lifecycle queue")]
    public static partial void Redelivered(ILogger logger, int count);

    [LoggerMessage(3003, LogLevel.Warning, "The lifecycle redelivery sweep failed; it runs again at the next interval")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
