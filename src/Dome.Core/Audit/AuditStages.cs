namespace Dome.Core.Audit;

/// <summary>The values of <see cref="AuditEvent.Stage"/>.</summary>
public static class AuditStages
{
    /// <summary>Written before forwarding an allowed call: if it cannot be written, the call is not forwarded.</summary>
    public const int Decided = 0;

    /// <summary>The call's final event (every call that is not forwarded has only this one).</summary>
    public const int Completed = 1;
}
