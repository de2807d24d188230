using Dome.Core.Approvals;
using Dome.Gateway.Policy;

namespace Dome.Gateway.Escalation;

/// <summary>How an approval relates to a retried call.</summary>
internal sealed record ApprovalMatch
{
    public required ApprovalMatchKind Kind { get; init; }

    public required Approval Approval { get; init; }

    /// <summary>For <see cref="ApprovalMatchKind.Granted"/>: what goes into <c>context.approval</c>.</summary>
    public ApprovalGrant? Grant { get; init; }
}
