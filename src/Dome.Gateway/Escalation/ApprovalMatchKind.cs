namespace Dome.Gateway.Escalation;

/// <summary>The outcome of matching a retry's <c>approvalId</c> against the call.</summary>
internal enum ApprovalMatchKind
{
    /// <summary>Approved, unexpired, and bound to this agent, user, tool and arguments.</summary>
    Granted,

    /// <summary>Still waiting for a decision (same binding): the call stays escalated.</summary>
    Pending,

    /// <summary>Refused by the approver.</summary>
    Denied,

    /// <summary>Approved, and already used by a retry that went through.</summary>
    Used,

    /// <summary>Past its expiry: the call escalates again with a new approval.</summary>
    Expired,

    /// <summary>Bound to another agent, user, tool or other arguments: it does not count for this call (deny).</summary>
    Mismatch,
}
