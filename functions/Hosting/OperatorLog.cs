using Dome.Core.Audit;
using Dome.Core.Lifecycle;

namespace Dome.Functions.Hosting;

/// <summary>
/// The log records operators chart (infra/workbook): one per stored audit event and one per processed agent
/// lifecycle event. Under the Functions host they reach Application Insights as JSON lines on stdout
/// (<c>Logging:Console:FormatterName=json</c>). Fields are ids, names, decisions and codes; never arguments or secrets.
/// </summary>
internal static partial class OperatorLog
{
    public const int AuditStoredEventId = 4100;
    public const int AgentLifecycleEventId = 4101;

    public static void AuditStored(ILogger logger, AuditEvent audit)
    {
        // :: The policy list is joined only for a logger that writes the line (the audit function calls this per event).
        if (logger.IsEnabled(LogLevel.Information))
        {
            AuditStored(logger, audit.Kind, audit.TenantId, audit.AgentId, audit.Tool, audit.Decision, audit.Reason, string.Join(',', audit.PolicyIds));
        }
    }

    public static void AgentLifecycle(ILogger logger, LifecycleMessage message) =>
        AgentLifecycle(logger, message.TenantId, message.AgentId, message.AgentName, message.Kind, message.From, message.To);

    [LoggerMessage(EventId = AuditStoredEventId, Level = LogLevel.Information, Message = "audit {Kind} tenant {TenantId} agent {AgentId} tool {Tool}: {Decision} ({Reason}) by policies [{PolicyIds}]")]
    private static partial void AuditStored(ILogger logger, string kind, string tenantId, string? agentId, string? tool, string decision, string? reason, string policyIds);

    [LoggerMessage(EventId = AgentLifecycleEventId, Level = LogLevel.Information, Message = "agent {AgentId} ({AgentName}) tenant {TenantId}: {Kind}, {From} -> {To}")]
    private static partial void AgentLifecycle(ILogger logger, string tenantId, string agentId, string agentName, string kind, string? from, string to);
}
