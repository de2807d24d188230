using Microsoft.Extensions.Logging;

namespace Dome.Gateway.Diagnostics;

/// <summary>The gateway's log lines. Fields are an allowlist: ids, tool names, codes and timings; never arguments, tokens or secrets.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "tool call {CallId} tenant {TenantId} agent {AgentId} tool {Tool}: {Decision} ({Code}) in {TotalMs} ms")]
    public static partial void Decided(ILogger logger, string callId, string? tenantId, string? agentId, string? tool, string decision, string code, double totalMs);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "tool call {CallId}: step {Step} failed with {ExceptionType}; the call is denied")]
    public static partial void StepFailed(ILogger logger, string callId, string step, string exceptionType, Exception exception);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "tool call {CallId} tenant {TenantId}: the audit event could not be queued; the result is withheld")]
    public static partial void AuditFailed(ILogger logger, string callId, string tenantId, Exception exception);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "tool call {CallId}: unauthenticated caller refused (not audited: no tenant)")]
    public static partial void Unauthenticated(ILogger logger, string callId);
}
