namespace Dome.Core.Audit;

/// <summary>The values of <see cref="AuditEvent.Kind"/>.</summary>
public static class AuditEventKinds
{
    /// <summary><c>POST /v1/tools/call</c>.</summary>
    public const string ToolCall = "tool.call";

    /// <summary><c>POST /v1/check</c> (decided, not forwarded).</summary>
    public const string ToolCheck = "tool.check";
}
