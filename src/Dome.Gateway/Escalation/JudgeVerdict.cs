namespace Dome.Gateway.Escalation;

/// <summary>What the judge webhook said.</summary>
internal enum JudgeVerdict
{
    Approve,
    Deny,

    /// <summary>No usable answer in time (timeout, connection failure, non-2xx, unreadable body): the call is denied.</summary>
    Unavailable,
}
