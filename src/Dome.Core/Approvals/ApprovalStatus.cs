namespace Dome.Core.Approvals;

/// <summary>Where an approval request stands. Only <see cref="Approved"/> lets the bound call through, for one retry, until it expires.</summary>
public enum ApprovalStatus
{
    Pending,
    Approved,
    Denied,

    /// <summary>Approved, and its one retry went through: it cannot be used again.</summary>
    Used,
}
