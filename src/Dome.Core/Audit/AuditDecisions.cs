namespace Dome.Core.Audit;

/// <summary>The values of <see cref="AuditEvent.Decision"/>.</summary>
public static class AuditDecisions
{
    public const string Allow = "allow";
    public const string Deny = "deny";
    public const string Escalate = "escalate";

    /// <summary>The call failed after it was allowed (e.g. upstream timeout) or could not be decided.</summary>
    public const string Error = "error";

    public static bool IsKnown(string? value) => value is Allow or Deny or Escalate or Error;
}
